using System.Security.Claims;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// Turns an access token into the caller's identity. HTTP (<c>Authorization: Bearer</c>) and
/// WebSocket (<c>connection_init</c>) use the same rules, so a token is valid on both or on neither.
/// </summary>
public interface IAccessTokenValidator
{
    Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken);
}

/// <summary>The caller's identity, or why the token was refused (for logs, never for clients).</summary>
public sealed record AccessTokenValidation(ClaimsPrincipal? Principal, string? Failure)
{
    public bool IsValid => Principal is not null;

    public static AccessTokenValidation Valid(ClaimsPrincipal principal) => new(principal, null);

    public static AccessTokenValidation Invalid(string failure) => new(null, failure);
}
