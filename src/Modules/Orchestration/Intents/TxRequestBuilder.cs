using System.Globalization;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// Turns calldata into the transaction a wallet sends: the gas the node estimates for exactly this sender, call and
/// state (plus a fifth for what changes before it is mined) and the fees of the chain's gas policy. A call the node
/// says would revert is refused now, with the contract's decoded error, rather than handed out to fail on chain.
/// </summary>
internal sealed class TxRequestBuilder(IChainRpcClientFactory chains, IntentChains intentChains)
{
    public async Task<PreparedTx> BuildAsync(ChainId chainId, Address from, Address to, Hex data, string field, CancellationToken cancellationToken)
    {
        var client = chains.GetClient(chainId);
        var call = new CallInput(data.Value, to.Value) { From = from.Value, Value = new HexBigInteger(0) };
        HexBigInteger estimate;
        try
        {
            estimate = await client.SendAsync<HexBigInteger>(new EthEstimateGas(client).BuildRequest(call), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"eth_estimateGas on {chainId} returned null.");
        }
        catch (ChainRpcErrorException ex) when (ex.IsRevert)
        {
            var revert = ContractReverts.Decode(ex.RevertData?.Value ?? "0x", ex);
            throw new BadInputException(
                $"The transaction would revert: {(revert.ErrorName.Length > 0 ? revert.ErrorName : ex.RpcMessage)}.", field, revert);
        }
        catch (ChainUnavailableException ex)
        {
            throw new AppException(ErrorCode.Internal, $"Chain '{chainId}' does not answer; try again shortly.", inner: ex);
        }

        var gas = estimate.Value + (estimate.Value / 5);
        var (maxFee, priorityFee) = await intentChains.FeesAsync(chainId, cancellationToken).ConfigureAwait(false);
        return new PreparedTx(
            chainId.Value, from.Value, to.Value, data.Value, "0", gas.ToString(CultureInfo.InvariantCulture), maxFee, priorityFee);
    }
}
