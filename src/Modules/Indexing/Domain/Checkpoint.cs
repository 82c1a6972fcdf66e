namespace NftMarketplace.Modules.Indexing.Domain;

/// <summary>The highest block of a chain the indexer has published, with its hash: where the follower resumes.</summary>
internal sealed class Checkpoint
{
    /// <summary>CAIP-2 id.</summary>
    public required string ChainId { get; init; }

    public long LastBlock { get; set; }

    /// <summary>0x-prefixed lowercase.</summary>
    public required string LastBlockHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
