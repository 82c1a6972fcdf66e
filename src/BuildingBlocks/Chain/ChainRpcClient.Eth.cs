using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth;
using Nethereum.RPC.Eth.Blocks;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Filters;
using Nethereum.RPC.Eth.Transactions;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>Typed calls for what the backend asks most; requests are built by Nethereum, so parameters match its conventions.</summary>
public sealed partial class ChainRpcClient
{
    /// <summary><c>eth_chainId</c>: the EIP-155 chain number the endpoints serve.</summary>
    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        (long)(await RequiredAsync<HexBigInteger>(new EthChainId(this).BuildRequest(), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_blockNumber</c>.</summary>
    public async Task<long> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        (long)(await RequiredAsync<HexBigInteger>(new EthBlockNumber(this).BuildRequest(), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_getBlockByNumber</c> with transaction hashes; null when the node has no such block.</summary>
    public Task<BlockWithTransactionHashes?> GetBlockByNumberAsync(BlockParameter block, CancellationToken cancellationToken = default) =>
        SendAsync<BlockWithTransactionHashes>(new EthGetBlockWithTransactionsHashesByNumber(this).BuildRequest(block), cancellationToken);

    /// <summary><c>eth_getBlockByNumber</c> with full transactions; null when the node has no such block.</summary>
    public Task<BlockWithTransactions?> GetBlockWithTransactionsByNumberAsync(BlockParameter block, CancellationToken cancellationToken = default) =>
        SendAsync<BlockWithTransactions>(new EthGetBlockWithTransactionsByNumber(this).BuildRequest(block), cancellationToken);

    /// <summary><c>eth_getLogs</c>.</summary>
    public async Task<IReadOnlyList<FilterLog>> GetLogsAsync(NewFilterInput filter, CancellationToken cancellationToken = default) =>
        await SendAsync<FilterLog[]>(new EthGetLogs(this).BuildRequest(filter), cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary><c>eth_getLogs</c> as the response document, whose <c>result</c> array the caller reads (and disposes).</summary>
    public Task<System.Text.Json.JsonDocument> GetLogsDocumentAsync(NewFilterInput filter, CancellationToken cancellationToken = default) =>
        SendForDocumentAsync(new EthGetLogs(this).BuildRequest(filter), cancellationToken);

    /// <summary><c>eth_call</c> at <paramref name="block"/> (latest by default); a revert is a <see cref="ChainRpcErrorException"/> with <see cref="ChainRpcErrorException.RevertData"/>.</summary>
    public async Task<Hex> CallAsync(CallInput call, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        Hex.Parse(await RequiredAsync<string>(
            new EthCall(this).BuildRequest(call, block ?? BlockParameter.CreateLatest()), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <c>eth_sendRawTransaction</c>. Safe to resend: a node that already has this transaction ("already known"), or
    /// has mined it ("nonce too low" while the hash is on chain), yields its hash like a first sending does.
    /// </summary>
    public async Task<TxHash> SendRawTransactionAsync(Hex signedTransaction, CancellationToken cancellationToken = default) =>
        TxHash.Parse(await RequiredAsync<string>(
            new EthSendRawTransaction(this).BuildRequest(signedTransaction.Value), cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(TxHash transaction, CancellationToken cancellationToken = default) =>
        SendAsync<TransactionReceipt>(new EthGetTransactionReceipt(this).BuildRequest(transaction.Value), cancellationToken);

    /// <summary><c>eth_feeHistory</c> of <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    /// <param name="rewardPercentiles">Priority-fee percentiles (0–100, ascending) to report per block; none by default.</param>
    public async Task<FeeHistoryResult> GetFeeHistoryAsync(
        int blockCount, BlockParameter newestBlock, IReadOnlyList<decimal>? rewardPercentiles = null, CancellationToken cancellationToken = default) =>
        await RequiredAsync<FeeHistoryResult>(
            new EthFeeHistory(this).BuildRequest(new HexBigInteger(blockCount), newestBlock, [.. rewardPercentiles ?? []]),
            cancellationToken).ConfigureAwait(false);

    private async Task<T> RequiredAsync<T>(RpcRequest request, CancellationToken cancellationToken) =>
        await SendAsync<T>(request, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"{request.Method} on {Chain} returned null.");
}
