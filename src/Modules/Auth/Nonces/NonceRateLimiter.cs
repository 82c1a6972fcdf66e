using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.Modules.Auth.Configuration;
using StackExchange.Redis;

namespace NftMarketplace.Modules.Auth.Nonces;

/// <summary>
/// Sliding one-minute windows in Redis, shared by every replica, per client network and per account: the count of the
/// current minute plus the previous minute's weighted by how much of it still overlaps, so a burst straddling a minute
/// boundary cannot get twice the limit. While Redis cannot answer (<see cref="RedisFastPath"/>) the same limits hold
/// per replica, in process: looser across replicas, but never refusing every sign-in nor letting every one through.
/// </summary>
internal sealed partial class NonceRateLimiter(
    RedisFastPath redis,
    IOptions<SiweOptions> options,
    TimeProvider time,
    ILogger<NonceRateLimiter> logger) : IDisposable
{
    private const string NetworkScope = "ip";
    private const string AccountScope = "account";
    private const int SegmentsPerWindow = 6;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private PartitionedRateLimiter<(string Scope, string Subject)>? _local;

    /// <summary>The in-process fallback, made when Redis first fails to answer.</summary>
    private PartitionedRateLimiter<(string Scope, string Subject)> Local =>
        LazyInitializer.EnsureInitialized(ref _local, () => CreateLocalLimiter(options.Value));

    /// <returns>When the caller may try again, or null when within both limits.</returns>
    public async Task<TimeSpan?> TryAcquireAsync(string network, string accountId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)Window.TotalMilliseconds;
        var window = now / windowMs;
        // Weight of the previous window: the share of it still inside the last minute.
        var overlap = 1 - (double)(now % windowMs) / windowMs;
        var (answered, counts) = await redis.TryAsync(async db =>
        {
            var byNetwork = CountAsync(db, NetworkScope, network, window, overlap);
            var byAccount = CountAsync(db, AccountScope, accountId, window, overlap);
            return (Network: await byNetwork.ConfigureAwait(false), Account: await byAccount.ConfigureAwait(false));
        }).ConfigureAwait(false);
        if (answered)
        {
            return counts.Network > options.Value.NoncesPerIpPerMinute || counts.Account > options.Value.NoncesPerAccountPerMinute
                ? TimeSpan.FromMilliseconds(windowMs - now % windowMs)
                : null;
        }

        LogLocalLimits();
        return TryAcquireLocally(network, accountId);
    }

    public void Dispose() => _local?.Dispose();

    private static PartitionedRateLimiter<(string Scope, string Subject)> CreateLocalLimiter(SiweOptions limits) =>
        PartitionedRateLimiter.Create<(string Scope, string Subject), (string Scope, string Subject)>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, k => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = k.Scope == NetworkScope ? limits.NoncesPerIpPerMinute : limits.NoncesPerAccountPerMinute,
                Window = Window,
                SegmentsPerWindow = SegmentsPerWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    private TimeSpan? TryAcquireLocally(string network, string accountId)
    {
        using var byNetwork = Local.AttemptAcquire((NetworkScope, network));
        using var byAccount = Local.AttemptAcquire((AccountScope, accountId));
        if (byNetwork.IsAcquired && byAccount.IsAcquired)
        {
            return null;
        }

        var refused = byNetwork.IsAcquired ? byAccount : byNetwork;
        return refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window / SegmentsPerWindow;
    }

    private static async Task<double> CountAsync(IDatabase db, string scope, string subject, long window, double overlap)
    {
        var key = RedisKeys.SiweNonceRateLimit(scope, subject, window);
        var current = db.StringIncrementAsync(key);
        // Every time, not only on the first increment: a crash between the two must not leave a key that never expires.
        var expiry = db.KeyExpireAsync(key, Window * 2, ExpireWhen.HasNoExpiry);
        var previous = db.StringGetAsync(RedisKeys.SiweNonceRateLimit(scope, subject, window - 1));
        await expiry.ConfigureAwait(false);
        return await current.ConfigureAwait(false) + (long)await previous.ConfigureAwait(false) * overlap;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis is unavailable; sign-in nonces are limited per replica until it is back")]
    private partial void LogLocalLimits();
}
