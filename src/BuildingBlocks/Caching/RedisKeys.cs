using System.Globalization;

namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>
/// The Redis keys of the system (ARCHITECTURE.md §4), in one place so no two features
/// invent the same key differently. Redis only ever holds copies or short-lived fast paths;
/// Postgres stays the source of truth.
/// </summary>
public static class RedisKeys
{
    /// <summary><c>siwe:nonce:{nonce}</c> — a sign-in nonce while it may be used (EX 300).</summary>
    public static string SiweNonce(string nonce) => $"siwe:nonce:{nonce}";

    /// <summary><c>siwe:ratelimit:{scope}:{subject}:{window}</c> — nonces asked for by one IP or account in one window.</summary>
    public static string SiweNonceRateLimit(string scope, string subject, long window) =>
        $"siwe:ratelimit:{scope}:{subject}:{window.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>session:blacklist:{sessionId}</c> — a revoked session, until its access tokens expire.</summary>
    public static string SessionBlacklist(Guid sessionId) => $"session:blacklist:{sessionId:D}";

    /// <summary><c>wallet:approvals:cache:{walletId}:{chainId}</c> — a wallet's operator approvals on a chain.</summary>
    public static string WalletApprovals(Guid walletId, string chainId) => $"wallet:approvals:cache:{walletId:D}:{chainId}";

    /// <summary><c>cache:chains:{chainId}:{version}</c> — a chain's registry entry at one version (EX 60).</summary>
    public static string ChainRegistry(string chainId, long version) =>
        $"cache:chains:{chainId}:{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>intent:status:{intentId}</c> — a transaction intent's status (EX 21600).</summary>
    public static string IntentStatus(Guid intentId) => $"intent:status:{intentId:D}";

    /// <summary><c>cache:read:{name}:{version}:{key}</c> — a read-model entry at one version.</summary>
    public static string ReadCache(string name, long version, string key) =>
        $"cache:read:{name}:{version.ToString(CultureInfo.InvariantCulture)}:{key}";

    /// <summary><c>cache:version:{name}</c> — the current version of a cached namespace.</summary>
    public static string CacheVersion(string name) => $"cache:version:{name}";

    public static class Ttl
    {
        public static readonly TimeSpan SiweNonce = TimeSpan.FromSeconds(300);
        public static readonly TimeSpan ChainRegistry = TimeSpan.FromSeconds(60);
        public static readonly TimeSpan IntentStatus = TimeSpan.FromSeconds(21600);
    }
}
