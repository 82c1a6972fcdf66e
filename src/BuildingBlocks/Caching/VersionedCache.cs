using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>
/// Cache-aside over Redis with versioned keys: a writer bumps the version of a namespace and
/// every reader moves to new keys at once, so a change is visible immediately without having
/// to find and delete stale entries (they expire on their own). When Redis is unavailable the
/// cache steps aside and the source of truth answers.
/// </summary>
public sealed partial class VersionedCache(IConnectionMultiplexer redis, ILogger<VersionedCache> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The current version of <paramref name="name"/> (0 until first bumped).</summary>
    public async Task<long> GetVersionAsync(string name)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(RedisKeys.CacheVersion(name)).ConfigureAwait(false);
            return value.TryParse(out long version) ? version : 0;
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
            return -1;
        }
    }

    /// <summary>Invalidates every entry of <paramref name="name"/> by moving readers to a new version.</summary>
    public async Task<long> BumpVersionAsync(string name) =>
        await redis.GetDatabase().StringIncrementAsync(RedisKeys.CacheVersion(name)).ConfigureAwait(false);

    /// <summary>
    /// Returns the cached value for <paramref name="key"/> or loads it and caches it for <paramref name="ttl"/>.
    /// <paramref name="key"/> must already contain the version (see <see cref="RedisKeys"/>).
    /// </summary>
    public async Task<T> GetOrSetAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var db = redis.GetDatabase();
        try
        {
            var cached = await db.StringGetAsync(key).ConfigureAwait(false);
            if (cached.HasValue)
            {
                return JsonSerializer.Deserialize<T>((string)cached!, Json)!;
            }
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
            return await load(cancellationToken).ConfigureAwait(false);
        }

        var value = await load(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.StringSetAsync(key, JsonSerializer.Serialize(value, Json), ttl).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex);
        }

        return value;
    }

    [LoggerMessage(LogLevel.Warning, "Redis is unavailable; reading from the source of truth")]
    private partial void LogUnavailable(Exception exception);
}
