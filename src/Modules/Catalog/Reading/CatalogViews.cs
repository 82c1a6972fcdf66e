namespace NftMarketplace.Modules.Catalog.Reading;

// What the catalog's reads hand to its GraphQL types (and keep in the read cache, so plain JSON-friendly records).
// Addresses and hashes are 0x-prefixed lowercase, token ids and amounts decimal strings, as stored.

/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
internal sealed record CollectionView(
    string ChainId,
    string Address,
    string Standard,
    string? Name,
    string? Symbol,
    string Slug,
    string? Description,
    string? ImageUrl,
    string? BannerUrl,
    string? Creator,
    string? RoyaltyReceiver,
    int RoyaltyBps,
    string? MaxSupply,
    string TotalMinted,
    long? DeployedBlock,
    DateTimeOffset CreatedAt,
    string? IndexStatus = null)
{
    public string Key => CatalogKeys.Collection(ChainId, Address);
}

internal sealed record CollectionStatsView(string ChainId, string Address, int ItemsCount, int OwnersCount, string? FloorPrice, string Volume, int SalesCount)
{
    public string Key => CatalogKeys.Collection(ChainId, Address);

    public static CollectionStatsView Empty(string chainId, string address) => new(chainId, address, 0, 0, null, "0", 0);
}

/// <summary>One value of one trait (or a trait without values, <see cref="Value"/> null), with the collection's key.</summary>
internal sealed record TraitValueRow(
    string ChainId, string Contract, string NormalizedName, string Name, string ValueType, string? DisplayType, string? Value, int Count, double Frequency)
{
    public string Key => CatalogKeys.Collection(ChainId, Contract);
}

internal sealed record TraitView(string Name, string ValueType, string? DisplayType, IReadOnlyList<TraitValueView> Values);

internal sealed record TraitValueView(string Value, int Count, double Frequency);

/// <param name="AttributesJson">metadata_docs.attributes: <c>[{traitType, value, displayType}]</c>; null without a document.</param>
/// <param name="MetadataStatus">NONE, OK or FAILED; NONE when there is no document yet.</param>
internal sealed record TokenView(
    string ChainId,
    string Contract,
    string TokenId,
    string Standard,
    string? Owner,
    string Supply,
    long? MintedBlock,
    DateTimeOffset? MintedAt,
    string? TokenUri,
    string? Name,
    string? Description,
    string? ImageUrl,
    string? AnimationUrl,
    string? AttributesJson,
    string MetadataStatus,
    string? MetadataErrorCode,
    string? MetadataError,
    double? RarityScore,
    int? RarityRank,
    string? RarityMethod,
    bool IsSpam,
    bool IsNsfw,
    bool IsFrozen,
    string? FlagReason)
{
    public string Key => CatalogKeys.Token(ChainId, Contract, TokenId);

    public string CollectionKey => CatalogKeys.Collection(ChainId, Contract);
}

internal sealed record TokenAttributeView(string TraitType, string Value, string? DisplayType);

internal sealed record TokenBalanceView(string Owner, string Quantity);
