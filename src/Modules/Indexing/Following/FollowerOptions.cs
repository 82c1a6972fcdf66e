namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>The chain followers (configuration section <c>Indexing</c>).</summary>
public sealed class FollowerOptions
{
    public const string Section = "Indexing";

    /// <summary>Whether this replica runs followers at all (it still answers <c>indexerStatus</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wait between head polls of a follower that has caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether a follower subscribes to <c>newHeads</c> over WebSocket (its endpoint's URL with the scheme ws(s)) to
    /// look at once when a block arrives; the poll stays the fallback.
    /// </summary>
    public bool NewHeads { get; set; } = true;

    /// <summary>Longest wait before the <c>newHeads</c> subscription is tried again after it failed (it starts at one second and doubles).</summary>
    public TimeSpan NewHeadsMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the registry's chains and factories are read again, so a chain enabled at run time is followed within it.</summary>
    public TimeSpan ChainRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a replica without a chain's lease tries to take it; bounds the take-over after the holder dies.</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many published blocks' hashes are kept to find a fork point; a deeper reorg stops the chain's follower.</summary>
    public int HashWindow { get; set; } = 128;

    /// <summary>Blocks per <c>eth_getLogs</c> to start with; adapts between 1 and <see cref="MaxLogRange"/>.</summary>
    public int InitialLogRange { get; set; } = 250;

    /// <summary>Largest block range of one <c>eth_getLogs</c>.</summary>
    public int MaxLogRange { get; set; } = 10000;

    /// <summary>A range that returned more logs than this is halved for the next request.</summary>
    public int TargetLogsPerRequest { get; set; } = 5000;

    /// <summary><c>eth_getLogs</c> requests in flight at once per chain.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Most blocks stored and published in one transaction.</summary>
    public int MaxBlocksPerCommit { get; set; } = 50000;

    /// <summary>
    /// About how many logs a backfill stores in one transaction (its range is sized by the density seen so far): the
    /// consumers start on the first part of a long history while the follower reads the next.
    /// </summary>
    public int MaxLogsPerCommit { get; set; } = 10000;

    /// <summary>Most contract addresses in one <c>eth_getLogs</c> filter.</summary>
    public int MaxAddressesPerFilter { get; set; } = 500;

    /// <summary>Requests per JSON-RPC batch (block headers).</summary>
    public int RpcBatchSize { get; set; } = 100;

    /// <summary>Most facts in one integration event; a range with more is cut at block boundaries.</summary>
    public int MaxFactsPerMessage { get; set; } = 5000;

    internal IEnumerable<string> Validate()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(10))
        {
            yield return $"{Section}:{nameof(PollInterval)} must be at least 00:00:00.010 (got {PollInterval}).";
        }

        if (NewHeadsMaxBackoff < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:{nameof(NewHeadsMaxBackoff)} must be at least 00:00:01 (got {NewHeadsMaxBackoff}).";
        }

        if (ChainRefreshInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return $"{Section}:{nameof(ChainRefreshInterval)} must be at least 00:00:00.100 (got {ChainRefreshInterval}).";
        }

        if (LeaseRetryInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return $"{Section}:{nameof(LeaseRetryInterval)} must be at least 00:00:00.100 (got {LeaseRetryInterval}).";
        }

        if (HashWindow < 64)
        {
            yield return $"{Section}:{nameof(HashWindow)} must be at least 64 (got {HashWindow}).";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(InitialLogRange), InitialLogRange), (nameof(MaxLogRange), MaxLogRange), (nameof(TargetLogsPerRequest), TargetLogsPerRequest),
            (nameof(MaxConcurrentRequests), MaxConcurrentRequests), (nameof(MaxBlocksPerCommit), MaxBlocksPerCommit), (nameof(MaxLogsPerCommit), MaxLogsPerCommit),
            (nameof(MaxAddressesPerFilter), MaxAddressesPerFilter), (nameof(RpcBatchSize), RpcBatchSize), (nameof(MaxFactsPerMessage), MaxFactsPerMessage),
        })
        {
            if (value < 1)
            {
                yield return $"{Section}:{name} must be at least 1 (got {value}).";
            }
        }

        if (InitialLogRange > MaxLogRange)
        {
            yield return $"{Section}:{nameof(InitialLogRange)} must not exceed {nameof(MaxLogRange)} ({MaxLogRange}).";
        }
    }
}
