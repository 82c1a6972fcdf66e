using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.Modules.Orchestration.Watching;

/// <summary>
/// Asks the chain what became of a PENDING intent's transaction. Mined and succeeded: the collection from the
/// factory's <c>CollectionCreated</c>, or the ids minted (transfers from the zero address on the collection). Mined
/// and reverted: the contract's custom error, decoded through the bindings (e.g. <c>MaxSupplyExceeded(max: 1)</c>).
/// Not mined and unknown to the node: replaced when the sender's nonce moved past it (another transaction used it),
/// dropped once <c>Orchestration:Intents:DroppedAfter</c> passed. Otherwise null: still pending.
/// </summary>
internal sealed class ReceiptInspector(IChainRpcClientFactory chains, IOptions<IntentOptions> options, TimeProvider time)
{
    public async Task<Settlement?> InspectAsync(TxIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var client = chains.GetClient(ChainId.Parse(intent.ChainId));
        var hash = TxHash.Parse(intent.TxHash);
        var prepared = PreparedTx.FromJson(intent.TxRequestJson);
        var receipt = await client.GetTransactionReceiptAsync(hash, cancellationToken);
        if (receipt is not null)
        {
            return receipt.Succeeded()
                ? Confirmed(intent, prepared, receipt)
                : Settlement.Failed(await RevertReasonAsync(client, receipt));
        }

        if (await client.SendAsync<Transaction>(new EthGetTransactionByHash(client).BuildRequest(hash.Value), cancellationToken) is not null)
        {
            return null;
        }

        var nonce = await client.SendAsync<HexBigInteger>(
            new EthGetTransactionCount(client).BuildRequest(prepared.From, BlockParameter.CreateLatest()), cancellationToken);
        if (nonce is not null && intent.TxNonce is { } sent && nonce.Value > sent)
        {
            return Settlement.Failed(string.Create(
                CultureInfo.InvariantCulture,
                $"Replaced: another transaction of {prepared.From} was mined with nonce {sent}, so {hash} never will be."));
        }

        return time.GetUtcNow() - intent.UpdatedAt > options.Value.DroppedAfter
            ? Settlement.Failed($"Dropped: no node of '{intent.ChainId}' knows {hash} any more and it was never mined.")
            : null;
    }

    private static Settlement Confirmed(TxIntent intent, PreparedTx prepared, TransactionReceipt receipt)
    {
        if (intent.Kind == IntentKind.CreateCollection)
        {
            var created = receipt.DecodeAllEvents<CollectionCreatedEvent>()
                .FirstOrDefault(e => Same(e.Log.Address, prepared.To));
            return Settlement.Confirmed(created?.Event.Collection.ToLowerInvariant(), null);
        }

        var contract = intent.Contract;
        var minted = new List<BigInteger>();
        minted.AddRange(receipt.DecodeAllEvents<TransferEvent>()
            .Where(e => Same(e.Log.Address, contract) && IsZero(e.Event.From)).Select(e => e.Event.TokenId));
        minted.AddRange(receipt.DecodeAllEvents<TransferSingleEvent>()
            .Where(e => Same(e.Log.Address, contract) && IsZero(e.Event.From)).Select(e => e.Event.Id));
        minted.AddRange(receipt.DecodeAllEvents<TransferBatchEvent>()
            .Where(e => Same(e.Log.Address, contract) && IsZero(e.Event.From)).SelectMany(e => e.Event.Ids));
        return Settlement.Confirmed(null, [.. minted.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture))]);
    }

    private static async Task<string> RevertReasonAsync(ChainRpcClient client, TransactionReceipt receipt)
    {
        try
        {
            await new Nethereum.Web3.Web3(client).EnsureSucceededAsync(receipt);
            return "Reverted.";
        }
        catch (ContractRevertException revert)
        {
            return "Reverted: " + (revert.ErrorName.Length > 0 ? revert.Message["The contract reverted with ".Length..] : revert.Message);
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsZero(string? address) => Address.TryParse(address, out var parsed) && parsed == Address.Zero;
}
