using System.Text.Json;

namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>
/// Cache-aside over Redis with versioned keys: a writer bumps the version of a namespace and
/// every reader moves to new keys at once, so a change is visible immediately without having
/// to find and delete stale entries (they expire on their own). When Redis is unavailable the
/// cache steps aside and the source of truth answers.
/// </summary>
public sealed class VersionedCache(RedisFastPath redis)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The current version of <paramref name="name"/> (0 until first bumped; -1 when Redis cannot answer).</summary>
    public async Task<long> GetVersionAsync(string name)
    {
        var (answered, value) = await redis.TryAsync(store => store.StringGetAsync(RedisKeys.CacheVersion(name))).ConfigureAwait(false);
        return !answered ? -1 : value.TryParse(out long version) ? version : 0;
    }

    /// <summary>Invalidates every entry of <paramref name="name"/> by moving readers to a new version.</summary>
    /// <exception cref="InvalidOperationException">Redis cannot answer: the version cannot move.</exception>
    public async Task<long> BumpVersionAsync(string name)
    {
        var (answered, version) = await redis.TryAsync(store => store.StringIncrementAsync(RedisKeys.CacheVersion(name))).ConfigureAwait(false);
        return answered ? version : throw new InvalidOperationException("Redis is unavailable; the cache version was not bumped.");
    }

    /// <summary>
    /// Returns the cached value for <paramref name="key"/> or loads it and caches it for <paramref name="ttl"/>.
    /// <paramref name="key"/> must already contain the version (see <see cref="RedisKeys"/>). While Redis cannot answer
    /// (within <see cref="RedisOptions.OperationTimeout"/>, or skipped by the breaker) the loader answers.
    /// </summary>
    public async Task<T> GetOrSetAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var (answered, cached) = await redis.TryAsync(store => store.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        if (answered && cached.HasValue)
        {
            return JsonSerializer.Deserialize<T>((string)cached!, Json)!;
        }

        var value = await load(cancellationToken).ConfigureAwait(false);
        if (answered)
        {
            await redis.TryRunAsync(store => store.StringSetAsync(key, JsonSerializer.Serialize(value, Json), ttl), cancellationToken).ConfigureAwait(false);
        }

        return value;
    }
}
