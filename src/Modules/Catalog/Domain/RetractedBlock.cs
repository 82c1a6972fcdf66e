namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// A block a reorg took away (table <c>catalog.retracted_blocks</c>): a fact carrying its hash that arrives late is
/// ignored, so a retraction cannot be undone by a message that was still on its way.
/// </summary>
internal sealed class RetractedBlock
{
    public required string ChainId { get; init; }

    public required string BlockHash { get; init; }

    public long BlockNumber { get; init; }

    public DateTimeOffset RetractedAt { get; init; }
}
