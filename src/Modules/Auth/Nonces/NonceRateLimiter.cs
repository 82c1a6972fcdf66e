using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.Modules.Auth.Configuration;
using StackExchange.Redis;

namespace NftMarketplace.Modules.Auth.Nonces;

/// <summary>
/// Sliding one-minute windows in Redis, shared by every replica, per client network and per account: the count of the
/// current minute plus the previous minute's weighted by how much of it still overlaps, so a burst straddling a minute
/// boundary cannot get twice the limit. Fails open when
/// Redis is down: refusing every sign-in would be worse than a while without this limit (the gateway's own per-IP
/// limit still applies).
/// </summary>
internal sealed partial class NonceRateLimiter(
    IConnectionMultiplexer redis,
    IOptions<SiweOptions> options,
    TimeProvider time,
    ILogger<NonceRateLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <returns>When the caller may try again, or null when within both limits.</returns>
    public async Task<TimeSpan?> TryAcquireAsync(string network, string accountId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)Window.TotalMilliseconds;
        var window = now / windowMs;
        // Weight of the previous window: the share of it still inside the last minute.
        var overlap = 1 - (double)(now % windowMs) / windowMs;
        try
        {
            var db = redis.GetDatabase();
            var byNetwork = CountAsync(db, "ip", network, window, overlap);
            var byAccount = CountAsync(db, "account", accountId, window, overlap);
            var (networkCount, accountCount) = (await byNetwork.ConfigureAwait(false), await byAccount.ConfigureAwait(false));
            return networkCount > options.Value.NoncesPerIpPerMinute || accountCount > options.Value.NoncesPerAccountPerMinute
                ? TimeSpan.FromMilliseconds(windowMs - now % windowMs)
                : null;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogRedisUnavailable(ex);
            return null;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; sign-in nonces are not rate limited until it is back")]
    private partial void LogRedisUnavailable(Exception exception);
}
