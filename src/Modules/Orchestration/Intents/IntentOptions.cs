namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>Settings of transaction intents (section <c>Orchestration:Intents</c>).</summary>
internal sealed class IntentOptions
{
    public const string Section = "Orchestration:Intents";

    public const int MinDeadlineSeconds = 30;

    public const int MaxDeadlineSeconds = 86400;

    /// <summary>How long an intent waits for its transaction when the request names no <c>deadlineSeconds</c>.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a tracked hash may be unknown to the node before tracking refuses it (a wallet still broadcasting).</summary>
    public TimeSpan TrackGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the receipt watcher looks at pending intents and deadlines.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a PENDING transaction the node no longer knows (and whose nonce nothing used) stays PENDING before it is FAILED as dropped.</summary>
    public TimeSpan DroppedAfter { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<string> Validate()
    {
        var seconds = DefaultDeadline.TotalSeconds;
        if (seconds < MinDeadlineSeconds || seconds > MaxDeadlineSeconds)
        {
            yield return $"DefaultDeadline must be between {MinDeadlineSeconds} s and {MaxDeadlineSeconds} s.";
        }

        if (TrackGracePeriod < TimeSpan.Zero || TrackGracePeriod > TimeSpan.FromMinutes(5))
        {
            yield return "TrackGracePeriod must be between 0 and 5 minutes.";
        }

        if (WatchInterval < TimeSpan.FromMilliseconds(50) || WatchInterval > TimeSpan.FromMinutes(5))
        {
            yield return "WatchInterval must be between 50 ms and 5 minutes.";
        }

        if (DroppedAfter < TimeSpan.FromMinutes(1))
        {
            yield return "DroppedAfter must be at least a minute.";
        }
    }
}
