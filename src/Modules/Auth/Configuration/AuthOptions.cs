using System.Globalization;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Auth.Configuration;

/// <summary><c>Auth:Siwe</c>: what a Sign-In with Ethereum message must look like to be accepted.</summary>
public sealed class SiweOptions
{
    public const string Section = "Auth:Siwe";

    /// <summary>
    /// The domains (RFC 3986 authorities, e.g. <c>app.example.com</c> or <c>localhost:3000</c>) users may sign in to.
    /// In Development <c>localhost:3000</c> (the frontend's default) and the Host's own addresses are added.
    /// </summary>
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>How long an issued nonce may be used (its Redis copy expires with it).</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far a message's <c>Issued At</c> may lie in the future, and the tolerance on its validity window.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Nonces one IP address (IPv6: one /64) may ask for per minute.</summary>
    public int NoncesPerIpPerMinute { get; set; } = 30;

    /// <summary>Nonces one account may ask for per minute.</summary>
    public int NoncesPerAccountPerMinute { get; set; } = 10;

    internal IEnumerable<string> Validate()
    {
        for (var i = 0; i < AllowedDomains.Count; i++)
        {
            if (!DomainAuthority.IsValid(AllowedDomains[i]))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"AllowedDomains:{i} '{AllowedDomains[i]}' is not a host[:port] authority.");
            }
        }

        if (NonceLifetime <= TimeSpan.Zero || NonceLifetime > TimeSpan.FromHours(1))
        {
            yield return "NonceLifetime must be positive and at most 01:00:00.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            yield return "ClockSkew must be between 00:00:00 and 00:10:00.";
        }

        if (NoncesPerIpPerMinute <= 0 || NoncesPerAccountPerMinute <= 0)
        {
            yield return "NoncesPerIpPerMinute and NoncesPerAccountPerMinute must be positive.";
        }
    }
}

/// <summary><c>Auth:Sessions</c>: how long tokens live.</summary>
public sealed class SessionOptions
{
    public const string Section = "Auth:Sessions";

    /// <summary>Lifetime of an access token (JWT); short, because a stolen one cannot be called back except by revocation.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of a session: its refresh tokens rotate, but none is accepted after this.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    internal IEnumerable<string> Validate()
    {
        if (AccessTokenLifetime < TimeSpan.FromSeconds(30) || AccessTokenLifetime > TimeSpan.FromHours(1))
        {
            yield return "AccessTokenLifetime must be between 00:00:30 and 01:00:00.";
        }

        if (SessionLifetime < AccessTokenLifetime || SessionLifetime > TimeSpan.FromDays(365))
        {
            yield return "SessionLifetime must be at least AccessTokenLifetime and at most 365 days.";
        }
    }
}

/// <summary><c>Auth:Admins</c>: addresses whose sessions carry the <c>admin</c> role.</summary>
public sealed class AdminOptions
{
    public const string Section = "Auth:Admins";

    public static IEnumerable<string> Validate(IReadOnlyList<string> admins)
    {
        for (var i = 0; i < admins.Count; i++)
        {
            if (!Address.TryParse(admins[i], out _))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{Section}:{i} '{admins[i]}' is not an address (0x and 40 hex digits, EIP-55 if mixed case).");
            }
        }
    }
}

/// <summary>RFC 3986 authorities as SIWE domains: <c>host[:port]</c>, compared case-insensitively.</summary>
internal static class DomainAuthority
{
    public static bool IsValid(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority) || authority.AsSpan().IndexOfAny("/@?# ") >= 0
            || !Uri.TryCreate("http://" + authority, UriKind.Absolute, out var uri))
        {
            return false;
        }

        // Uri drops a port equal to the scheme's default, so compare host and port rather than the text.
        var explicitPort = uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return Same(uri.Authority, authority) || Same(explicitPort, authority);
    }

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
