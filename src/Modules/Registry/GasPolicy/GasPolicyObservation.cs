using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>
/// Observes one chain's fees: asks the chain for <c>eth_feeHistory</c> first, then records what it saw in a unit of work
/// of its own, so no database transaction waits on the network.
/// </summary>
internal sealed class GasPolicyObservation(IChainRpcClientFactory clients, ISender sender)
{
    private const int Blocks = 20;
    private const decimal MedianPercentile = 50m;

    public async Task<ChainSnapshot> ObserveAsync(ChainId chainId, CancellationToken cancellationToken)
    {
        var history = await clients.GetClient(chainId)
            .GetFeeHistoryAsync(Blocks, BlockParameter.CreateLatest(), [MedianPercentile], cancellationToken)
            .ConfigureAwait(false);
        return await sender.Send(new RecordObservedFees(chainId, ObservedFees.From(history)), cancellationToken).ConfigureAwait(false);
    }
}
