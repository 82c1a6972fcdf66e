using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// A collection's counts (table <c>catalog.collection_stats</c>), kept in the transaction of the facts that change them.
/// Floor, volume and sales wait for the marketplace.
/// </summary>
internal sealed class CollectionStats
{
    public required string ChainId { get; init; }

    public required string Address { get; init; }

    /// <summary>Tokens (ERC-721) or ids (ERC-1155) with supply &gt; 0.</summary>
    public int ItemsCount { get; set; }

    /// <summary>Distinct holders of any of them.</summary>
    public int OwnersCount { get; set; }

    public BigInteger? FloorPrice { get; set; }

    public BigInteger Volume { get; set; }

    public int SalesCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
