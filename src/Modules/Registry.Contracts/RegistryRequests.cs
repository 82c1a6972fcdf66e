using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Registry.Contracts;

/// <summary>
/// A chain with its endpoints, or null when the registry does not know it. Served from Redis
/// (<c>cache:chains:{chainId}:{version}</c>, EX 60) at the chain's current Postgres version, so a change is visible at once.
/// </summary>
public sealed record GetChain(ChainId ChainId) : IQuery<ChainDto?>;

/// <summary>Every chain the registry knows, enabled or not, ordered by CAIP-2 id.</summary>
public sealed record GetChains : IQuery<IReadOnlyList<ChainDto>>;

/// <summary>The contracts registered on a chain (empty for an unknown chain), ordered by name.</summary>
public sealed record GetContracts(ChainId ChainId) : IQuery<IReadOnlyList<ChainContractDto>>;

/// <summary>A chain's gas policy, or null when the chain is unknown or has none.</summary>
public sealed record GetGasPolicy(ChainId ChainId) : IQuery<GasPolicyDto?>;
