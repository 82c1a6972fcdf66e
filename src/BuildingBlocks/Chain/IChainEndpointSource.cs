using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// Where a chain's RPC endpoints come from: the chain registry, or configuration until the registry exists. A
/// <see cref="ChainRpcClient"/> asks again every <see cref="ChainRpcOptions.EndpointRefreshInterval"/>, so changes
/// reach running clients without a restart.
/// </summary>
public interface IChainEndpointSource
{
    /// <summary>Every endpoint of the chain, inactive ones included; none when the chain is unknown.</summary>
    ValueTask<IReadOnlyList<ChainEndpoint>> GetEndpointsAsync(ChainId chain, CancellationToken cancellationToken = default);
}
