using System.Globalization;

namespace NftMarketplace.Modules.Registry;

/// <summary>The Redis keys Registry owns. Redis only holds copies; Postgres stays the source of truth.</summary>
internal static class RedisKeys
{
    /// <summary><c>cache:chains:{chainId}:{version}</c> — a chain's registry entry at one version.</summary>
    public static string ChainRegistry(string chainId, long version) =>
        $"cache:chains:{chainId}:{version.ToString(CultureInfo.InvariantCulture)}";

    public static class Ttl
    {
        public static readonly TimeSpan ChainRegistry = TimeSpan.FromSeconds(60);
    }
}
