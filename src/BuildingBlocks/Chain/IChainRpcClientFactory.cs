using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>The one <see cref="ChainRpcClient"/> of each chain.</summary>
public interface IChainRpcClientFactory
{
    /// <summary>The chain's client, created on first use and shared afterwards (its circuits and limits are per process).</summary>
    /// <exception cref="ArgumentException">The chain is not an EVM (eip155) chain.</exception>
    ChainRpcClient GetClient(ChainId chain);
}
