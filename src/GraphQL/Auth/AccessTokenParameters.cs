using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// The one set of rules an access token is checked against, shared by HTTP (JwtBearer) and WebSocket
/// (<see cref="IAccessTokenValidator"/>), so a token is valid on both or on neither.
/// </summary>
public sealed class AccessTokenParameters
{
    public AccessTokenParameters(AccessTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validation = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = [.. options.SigningKeys.Select(SigningKey)],
            // Only ES256: a token naming another algorithm (none, HS256 with the public key as secret) is refused.
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = ClaimTypes.NameIdentifier,
            RoleClaimType = ClaimTypes.Role,
        };

        // Inbound claims are mapped to .NET's claim types (sub → NameIdentifier, role → Role), as JwtBearer does by
        // default, so IsInRole and everything reading ClaimTypes (the rate limiter) work alike on HTTP and WebSocket.
        // Signatures must be low-s, so a token has one accepted encoding only.
        Handler = new CanonicalSignatureTokenHandler { MapInboundClaims = true };
    }

    public TokenValidationParameters Validation { get; }

    /// <summary>Thread-safe; used for every token.</summary>
    public JsonWebTokenHandler Handler { get; }

    /// <summary>
    /// The key id is the RFC 7638 thumbprint, so the Auth module can name the key it signed with in <c>kid</c>;
    /// tokens without a matching <c>kid</c> are still tried against every key.
    /// </summary>
    private static ECDsaSecurityKey SigningKey(string pem)
    {
        var key = new ECDsaSecurityKey(SigningKeyPem.Read(pem));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
