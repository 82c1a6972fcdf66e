using System.Security.Claims;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// The claims of a validated access token, mapped as JwtBearer maps them: <c>sub</c> (the user id) becomes
/// <see cref="ClaimTypes.NameIdentifier"/>, each <c>role</c> a <see cref="ClaimTypes.Role"/>; <c>sid</c> (the session id)
/// keeps its name.
/// </summary>
public static class AccessTokenClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;

    public const string SessionId = "sid";

    public const string Role = ClaimTypes.Role;

    /// <summary>
    /// The checks after the signature: the token names its user and session, and the session is not revoked.
    /// </summary>
    /// <returns>Why the token is refused, or null when it is accepted.</returns>
    internal static async Task<string?> CheckSessionAsync(
        ClaimsPrincipal principal, ISessionRevocationCheck revocation, CancellationToken cancellationToken)
    {
        if (principal.FindFirst(UserId)?.Value is not { Length: > 0 })
        {
            return "The token has no 'sub' claim.";
        }

        if (principal.FindFirst(SessionId)?.Value is not { Length: > 0 } sessionId)
        {
            return "The token has no 'sid' claim.";
        }

        return await revocation.IsRevokedAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ? $"Session {sessionId} has been revoked."
            : null;
    }
}

/// <summary>The signed-in caller of an operation.</summary>
public sealed record CurrentUser(string UserId, string SessionId, IReadOnlySet<string> Roles)
{
    /// <summary>The caller of a validated access token, or null for an anonymous one.</summary>
    public static CurrentUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || principal.FindFirst(AccessTokenClaims.UserId)?.Value is not { Length: > 0 } userId)
        {
            return null;
        }

        var roles = principal.FindAll(AccessTokenClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(userId, principal.FindFirst(AccessTokenClaims.SessionId)?.Value ?? "", roles);
    }

    public bool IsInRole(string role) => Roles.Contains(role);
}
