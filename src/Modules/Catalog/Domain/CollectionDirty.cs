namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// "This collection's traits and rarity need recomputing" (table <c>catalog.collection_dirty</c>): upserted keeping the
/// older <see cref="DirtySince"/> (each mark still updates the row, so its version changes), and deleted by the
/// debounced recompute only if nobody marked it again meanwhile.
/// </summary>
internal sealed class CollectionDirty
{
    public required string ChainId { get; init; }

    public required string Address { get; init; }

    public DateTimeOffset DirtySince { get; set; }

    public required string Reason { get; set; }
}
