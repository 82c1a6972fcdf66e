using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// Tells this process's chain clients that a chain's endpoints changed, so the next call reads them again instead of
/// waiting for the refresh interval. Reaches no network: a command may call it after its commit.
/// </summary>
public interface IChainEndpointsInvalidation
{
    void Invalidate(ChainId chainId);
}

/// <summary>For a client factory that keeps no endpoints (a test's): nothing to read again.</summary>
internal sealed class NoEndpointsInvalidation : IChainEndpointsInvalidation
{
    public static readonly NoEndpointsInvalidation Instance = new();

    public void Invalidate(ChainId chainId)
    {
    }
}
