namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// "This collection's traits and rarity need recomputing" (table <c>catalog.collection_dirty</c>): upserted keeping the
/// older <see cref="DirtySince"/>, and deleted by the debounced recompute only if it did not move meanwhile.
/// </summary>
internal sealed class CollectionDirty
{
    public required string ChainId { get; init; }

    public required string Address { get; init; }

    public DateTimeOffset DirtySince { get; set; }

    public required string Reason { get; set; }
}
