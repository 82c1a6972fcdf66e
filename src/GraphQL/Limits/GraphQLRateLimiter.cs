using System.Threading.RateLimiting;
using NftMarketplace.GraphQL.Configuration;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// The budgets themselves: a token bucket per <see cref="RateLimitKey"/> holding a window's permits and refilled in
/// steps over the window, so a caller may burst up to its budget but not sustain more. One instance serves every
/// transport, so an HTTP request and an operation sent over a WebSocket spend the same caller's same budget.
/// </summary>
public sealed class GraphQLRateLimiter : IDisposable
{
    // Refilled in six steps: a spent budget comes back gradually rather than all at once at a window's edge.
    private const int RefillsPerWindow = 6;

    private readonly GraphQLRateLimitOptions _options;
    private readonly PartitionedRateLimiter<RateLimitKey> _buckets;

    public GraphQLRateLimiter(GraphQLRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // Buckets that are full and unused are dropped by the limiter itself, so idle callers cost no memory.
        _buckets = PartitionedRateLimiter.Create<RateLimitKey, string>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key.Value, _ => Bucket(key.IsUser ? options.PerUserPermits : options.PerIpPermits)));
    }

    /// <summary>How long a spent budget takes to regain some permits: the wait to suggest when nothing more precise is known.</summary>
    public TimeSpan RefillPeriod => _options.Window / RefillsPerWindow;

    /// <summary>Takes one permit of <paramref name="key"/>'s budget; the lease says whether there was one.</summary>
    public RateLimitLease Acquire(RateLimitKey key) => _buckets.AttemptAcquire(key);

    /// <summary>How long a refused caller should wait before retrying.</summary>
    public TimeSpan RetryAfter(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : RefillPeriod;
    }

    public void Dispose() => _buckets.Dispose();

    private TokenBucketRateLimiterOptions Bucket(int permits) => new()
    {
        TokenLimit = permits,
        TokensPerPeriod = (int)Math.Ceiling(permits / (double)RefillsPerWindow),
        ReplenishmentPeriod = RefillPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
