using System.Security.Claims;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// Checks an access token with the rules of <see cref="AccessTokenParameters"/> (the ones JwtBearer applies on HTTP),
/// then asks <see cref="ISessionRevocationCheck"/> whether its session is still open.
/// </summary>
internal sealed class AccessTokenValidator(AccessTokenParameters parameters, ISessionRevocationCheck revocation) : IAccessTokenValidator
{
    public async Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return AccessTokenValidation.Invalid("The token is empty.");
        }

        var result = await parameters.Handler.ValidateTokenAsync(token, parameters.Validation).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AccessTokenValidation.Invalid(result.Exception?.Message ?? "The token is not valid.");
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        var failure = await AccessTokenClaims.CheckSessionAsync(principal, revocation, cancellationToken).ConfigureAwait(false);
        return failure is null ? AccessTokenValidation.Valid(principal) : AccessTokenValidation.Invalid(failure);
    }
}
