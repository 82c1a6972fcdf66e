namespace NftMarketplace.Modules.Indexing.Domain;

/// <summary>What the follower of a chain has been through, kept across restarts.</summary>
internal sealed class ChainStats
{
    public required string ChainId { get; init; }

    /// <summary>Reorgs the follower handled (each rewind counts once, whatever its depth).</summary>
    public long ReorgsDetected { get; set; }

    /// <summary>The deepest reorg handled, in blocks.</summary>
    public int DeepestReorg { get; set; }

    /// <summary>Why the follower stopped (a reorg deeper than its hash window); null while it runs.</summary>
    public string? HaltedReason { get; set; }

    public DateTimeOffset? HaltedAt { get; set; }
}
