using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// A collection the indexer follows, as <c>trackCollection</c> answers it: what the indexer knows before the catalog
/// has read the announcement. Also a source of the GraphQL <c>Collection</c> type, which the Catalog owns (by
/// <see cref="GraphQLTypeName"/>): the Catalog shows its own row once it has one and these fields until then.
/// </summary>
/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
/// <param name="IndexStatus">One of <see cref="IndexStatuses"/>.</param>
public sealed record TrackedCollection(
    string ChainId,
    string Address,
    string Standard,
    string? Creator,
    string? Name,
    string? Symbol,
    long? DeployedBlock,
    string IndexStatus)
{
    public const string GraphQLTypeName = "Collection";
}

/// <summary>Whether the indexer has read a collection's history up to the live follower.</summary>
public static class IndexStatuses
{
    public const string Backfilling = "BACKFILLING";

    public const string Live = "LIVE";
}

/// <summary>A collection by chain (CAIP-2) and 0x-prefixed lowercase address.</summary>
public readonly record struct IndexedCollection(string ChainId, string Address);

/// <summary>
/// The <see cref="IndexStatuses"/> of many collections in one query: each followed collection whose history is still
/// being read is <c>BACKFILLING</c>; any other (caught up, or created by a followed factory) is <c>LIVE</c>.
/// </summary>
public sealed record GetCollectionIndexStatuses(IReadOnlyList<IndexedCollection> Collections) : IQuery<IReadOnlyDictionary<IndexedCollection, string>>;
