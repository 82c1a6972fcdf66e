using System.Globalization;
using System.Security.Claims;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The claims of a connection's user that the transport itself acts on.</summary>
internal static class ConnectionClaims
{
    /// <summary>The session the access token belongs to (<c>sid</c>), by which a revoked session's sockets are found.</summary>
    public static string? SessionId(ClaimsPrincipal user) =>
        user.FindFirst("sid")?.Value ?? user.FindFirst(ClaimTypes.Sid)?.Value;

    /// <summary>When the access token expires (<c>exp</c>, seconds since the epoch); the socket closes then.</summary>
    public static DateTimeOffset? Expiry(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
