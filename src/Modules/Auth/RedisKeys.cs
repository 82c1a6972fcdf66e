using System.Globalization;

namespace NftMarketplace.Modules.Auth;

/// <summary>
/// The Redis keys Auth owns, in one place so no two features invent the same key differently. Redis only holds copies
/// and short-lived fast paths; Postgres stays the source of truth.
/// </summary>
internal static class RedisKeys
{
    /// <summary><c>siwe:nonce:{nonce}</c> — a sign-in nonce while it may be used.</summary>
    public static string SiweNonce(string nonce) => $"siwe:nonce:{nonce}";

    /// <summary><c>siwe:ratelimit:{scope}:{subject}:{window}</c> — nonces asked for by one IP or account in one window.</summary>
    public static string SiweNonceRateLimit(string scope, string subject, long window) =>
        $"siwe:ratelimit:{scope}:{subject}:{window.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>session:blacklist:{sessionId}</c> — a revoked session, until its access tokens expire.</summary>
    public static string SessionBlacklist(Guid sessionId) => $"session:blacklist:{sessionId:D}";
}
