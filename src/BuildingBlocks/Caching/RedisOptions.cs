namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>How long Redis, a cache and fast path, may keep a request waiting (<see cref="RedisFastPath"/>).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Budget of one fast-path call; Redis on the same network answers in well under a millisecond.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long every caller skips Redis after a failed or timed-out call, before one call probes it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The client library's own time-out (sync and async), for calls outside the fast path such as health checks.</summary>
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(1);

    internal IEnumerable<string> Validate()
    {
        if (OperationTimeout < TimeSpan.FromMilliseconds(10) || OperationTimeout > TimeSpan.FromSeconds(5))
        {
            yield return $"{Section}:{nameof(OperationTimeout)} must be between 00:00:00.010 and 00:00:05 (got {OperationTimeout}).";
        }

        if (BreakDuration < TimeSpan.Zero || BreakDuration > TimeSpan.FromMinutes(10))
        {
            yield return $"{Section}:{nameof(BreakDuration)} must be between 00:00:00 and 00:10:00 (got {BreakDuration}).";
        }

        if (ClientTimeout < TimeSpan.FromMilliseconds(100) || ClientTimeout > TimeSpan.FromSeconds(30))
        {
            yield return $"{Section}:{nameof(ClientTimeout)} must be between 00:00:00.100 and 00:00:30 (got {ClientTimeout}).";
        }
    }
}
