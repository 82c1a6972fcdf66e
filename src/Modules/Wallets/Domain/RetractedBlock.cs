namespace NftMarketplace.Modules.Wallets.Domain;

/// <summary>
/// A block a reorg took off the chain (table <c>wallets.retracted_blocks</c>): approval changes of it that arrive after
/// their retraction (the two travel on different queues) are ignored.
/// </summary>
internal sealed class RetractedBlock
{
    public required string ChainId { get; set; }

    public required string BlockHash { get; set; }

    public DateTimeOffset RetractedAt { get; set; }
}
