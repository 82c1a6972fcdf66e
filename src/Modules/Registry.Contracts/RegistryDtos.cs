namespace NftMarketplace.Modules.Registry.Contracts;

/// <summary>
/// A chain of the registry. <see cref="Id"/> is the CAIP-2 id (e.g. <c>eip155:31337</c>); <see cref="Version"/> grows with
/// every change of the chain, its endpoints, contracts or gas policy.
/// </summary>
public sealed record ChainDto(
    string Id,
    long ChainNumber,
    string Name,
    string NativeSymbol,
    int Decimals,
    string? ExplorerUrl,
    bool Enabled,
    IReadOnlyList<string> Features,
    int ConfirmationsRequired,
    long Version,
    IReadOnlyList<ChainEndpointDto> Endpoints);

/// <summary>An RPC endpoint: lower <see cref="Priority"/> first, <see cref="Weight"/> among equals; <see cref="RateLimit"/> in requests per second.</summary>
public sealed record ChainEndpointDto(long Id, string Url, int Priority, int Weight, int? RateLimit, bool Active);

/// <summary>A contract on a chain; <see cref="Address"/> in EIP-55 form; indexers start at <see cref="StartBlock"/>.</summary>
public sealed record ChainContractDto(long Id, string Name, string Address, long StartBlock, DateTimeOffset? VerifiedAt);

/// <summary>Fee suggestions in gwei; <see cref="Multiplier"/> scales the observed base fee.</summary>
public sealed record GasPolicyDto(
    decimal? MaxFeeGwei,
    decimal? PriorityFeeGwei,
    decimal Multiplier,
    decimal? LastObservedBaseFeeGwei,
    DateTimeOffset UpdatedAt);

/// <summary>Well-known contract names of the registry.</summary>
public static class ContractNames
{
    public const string NftFactory = "NftFactory";
    public const string Collection721Implementation = "Collection721";
    public const string Collection1155Implementation = "Collection1155";
}
