using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.Modules.Auth.Configuration;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>An access token and when it stops being accepted.</summary>
internal sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs access tokens (ES256 JWT): <c>sub</c> the user id, <c>sid</c> the session id, a <c>role</c> per role,
/// <c>kid</c> the RFC 7638 thumbprint the gateway's <see cref="AccessTokenParameters"/> names its keys by; signatures
/// always in low-s form (<see cref="LowS"/>).
/// </summary>
internal sealed class AccessTokenIssuer : IDisposable
{
    private readonly SigningCredentials? _credentials;
    private readonly AccessTokenOptions _tokens;
    private readonly SessionOptions _sessions;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ECDsa? _key;

    public AccessTokenIssuer(SigningKey signingKey, IOptions<AccessTokenOptions> tokens, IOptions<SessionOptions> sessions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = signingKey.Key;
        if (_key is not null)
        {
            var securityKey = new ECDsaSecurityKey(_key);
            securityKey.KeyId = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());
            _credentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256);
        }

        _tokens = tokens.Value;
        _sessions = sessions.Value;
        _time = time;
    }

    public TimeSpan Lifetime => _sessions.AccessTokenLifetime;

    public IssuedAccessToken Issue(Guid userId, Guid sessionId, IReadOnlyCollection<string> roles)
    {
        var credentials = _credentials ?? throw new AppException(
            ErrorCode.Internal,
            $"Sign-in is not configured on this server: it has no access-token signing key ({SigningKeyOptions.Section}).");
        var now = _time.GetUtcNow();
        var expires = now + _sessions.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = userId.ToString("D"),
            [AccessTokenClaims.SessionId] = sessionId.ToString("D"),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (roles.Count > 0)
        {
            claims["role"] = roles.ToArray();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _tokens.Issuer,
            Audience = _tokens.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
        // ECDSA signs with a random nonce, so s lands above n/2 half the time; the gateway accepts low-s only.
        return new IssuedAccessToken(LowS.Normalize(token), expires);
    }

    public void Dispose() => _key?.Dispose();
}

/// <summary>The module's signing key, or none when sign-in is not configured.</summary>
internal sealed record SigningKey(ECDsa? Key);
