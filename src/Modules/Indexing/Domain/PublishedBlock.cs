namespace NftMarketplace.Modules.Indexing.Domain;

/// <summary>
/// The hash of a block the indexer published, kept for the last <c>Indexing:HashWindow</c> blocks of each chain: what
/// a reorg is detected against and walked back through.
/// </summary>
internal sealed class PublishedBlock
{
    public required string ChainId { get; init; }

    public long BlockNumber { get; init; }

    public required string BlockHash { get; init; }

    public required string ParentHash { get; init; }

    public DateTimeOffset BlockTime { get; init; }
}
