using System.Globalization;

namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>
/// The Redis keys of the caching mechanism itself. Each module names its own keys (its <c>RedisKeys</c>); Redis only
/// ever holds copies or short-lived fast paths, Postgres stays the source of truth.
/// </summary>
public static class RedisKeys
{
    /// <summary><c>cache:read:{name}:{version}:{key}</c> — a read-model entry at one version.</summary>
    public static string ReadCache(string name, long version, string key) =>
        $"cache:read:{name}:{version.ToString(CultureInfo.InvariantCulture)}:{key}";

    /// <summary><c>cache:version:{name}</c> — the current version of a cached namespace.</summary>
    public static string CacheVersion(string name) => $"cache:version:{name}";
}
