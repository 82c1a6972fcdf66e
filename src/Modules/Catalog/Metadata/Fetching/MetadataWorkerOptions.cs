namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>The metadata fetcher's pace and retries, and the refresh cooldown (configuration <c>Catalog:Metadata:Worker</c>).</summary>
internal sealed class MetadataWorkerOptions
{
    public const string Section = "Catalog:Metadata:Worker";

    /// <summary>Documents fetched at the same time by one Host.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Due documents one Host takes at a time (their <c>tokenURI</c> calls go in one JSON-RPC batch per chain).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How often the fetcher looks for due documents when nothing woke it (another replica's work, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before the first retry of a failed fetch; it doubles with every further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts of a document that keeps failing with a passing error (time-out, HTTP status, RPC); then it
    /// stays FAILED until it is refreshed or its metadata changes on chain.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a taken document is left to its fetcher before another may take it (a crashed Host's work).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Shortest time between two accepted <c>refreshTokenMetadata</c> calls of one token.</summary>
    public TimeSpan RefreshCooldown { get; set; } = TimeSpan.FromSeconds(60);

    internal IEnumerable<string> Validate()
    {
        if (Concurrency is < 1 or > 256)
        {
            yield return $"{Section}:{nameof(Concurrency)} must be between 1 and 256 (got {Concurrency}).";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return $"{Section}:{nameof(BatchSize)} must be between 1 and 1000 (got {BatchSize}).";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"{Section}:{nameof(MaxAttempts)} must be between 1 and 100 (got {MaxAttempts}).";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(PollInterval), PollInterval), (nameof(RetryDelay), RetryDelay), (nameof(MaxRetryDelay), MaxRetryDelay),
            (nameof(Lease), Lease),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(7))
            {
                yield return $"{Section}:{name} must be more than 0 and at most 7.00:00:00 (got {value}).";
            }
        }

        if (RefreshCooldown < TimeSpan.Zero || RefreshCooldown > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:{nameof(RefreshCooldown)} must be between 0 and 1.00:00:00 (got {RefreshCooldown}).";
        }
    }

    /// <summary>When a fetch that failed for the <paramref name="attempts"/>-th time is tried again (exponential back-off).</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = RetryDelay.Ticks * factor;
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
