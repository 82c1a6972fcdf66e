using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// The JWT handler of <see cref="AccessTokenParameters"/>: refuses a signature not in low-s form (see <see cref="LowS"/>)
/// before anything else is checked, then validates as usual. Being the one handler HTTP and WebSocket share, it makes
/// the rule hold on both.
/// </summary>
internal sealed class CanonicalSignatureTokenHandler : JsonWebTokenHandler
{
    public const string NonCanonicalMessage = "The token's ES256 signature is not in canonical (low-s) form.";

    public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token is not null && LowS.HasHighS(token))
        {
            return Task.FromResult(new TokenValidationResult
            {
                IsValid = false,
                Exception = new SecurityTokenInvalidSignatureException(NonCanonicalMessage),
            });
        }

        return base.ValidateTokenAsync(token, validationParameters);
    }
}
