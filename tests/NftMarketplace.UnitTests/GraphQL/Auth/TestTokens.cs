using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NftMarketplace.GraphQL.Auth;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

/// <summary>Mints ES256 access tokens as the Auth module will, with a key of its own.</summary>
internal sealed class TestTokens : IDisposable
{
    public const string Issuer = "test-issuer";
    public const string Audience = "test-audience";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Host configuration that accepts this issuer's tokens.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:AccessTokens:Issuer"] = Issuer,
            ["Auth:AccessTokens:Audience"] = Audience,
            ["Auth:AccessTokens:SigningKeys:0"] = PublicKeyPem,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public string Mint(
        string? subject = "user-1",
        string? sessionId = "session-1",
        string[]? roles = null,
        TimeSpan? expiresIn = null,
        string issuer = Issuer,
        string audience = Audience)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(15));
        var claims = new Dictionary<string, object>();
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        if (roles is not null)
        {
            claims["role"] = roles;
        }

        var issuedAt = expires < now ? expires - TimeSpan.FromMinutes(15) : now;
        // Low-s, as the Auth module signs: the gateway refuses any other form.
        return LowS.Normalize(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
        }));
    }

    public void Dispose() => _key.Dispose();
}
