using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>Everything the registry knows about one chain at one version: the unit cached in Redis.</summary>
internal sealed record ChainSnapshot(ChainDto Chain, IReadOnlyList<ChainContractDto> Contracts, GasPolicyDto? GasPolicy);
