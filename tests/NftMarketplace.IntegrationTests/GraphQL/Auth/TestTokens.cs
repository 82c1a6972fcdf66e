using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NftMarketplace.GraphQL.Auth;

namespace NftMarketplace.IntegrationTests.GraphQL.Auth;

/// <summary>Mints ES256 access tokens as the Auth module will, with a test key the host under test is configured with.</summary>
internal sealed class TestTokens : IDisposable
{
    public const string Issuer = "nftmarketplace-test";
    public const string Audience = "nftmarketplace-test-api";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The settings that make a host accept these tokens, keyed as configuration paths.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Auth:AccessTokens:Issuer"] = Issuer,
        ["Auth:AccessTokens:Audience"] = Audience,
        ["Auth:AccessTokens:SigningKeys:0"] = _key.ExportSubjectPublicKeyInfoPem(),
    };

    public string Mint(string subject = "user-1", string[]? roles = null, TimeSpan? expiresIn = null)
    {
        var expires = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(15));
        var issuedAt = expires - TimeSpan.FromMinutes(15);
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["sid"] = SessionOf(subject).ToString("D") };
        if (roles is not null)
        {
            claims["role"] = roles;
        }

        // Low-s, as the Auth module signs: the gateway refuses any other form.
        return LowS.Normalize(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
        }));
    }

    /// <summary>A stable session id per subject: the Auth module's revocation check only accepts GUID session ids.</summary>
    public static Guid SessionOf(string subject) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16));

    public void Dispose() => _key.Dispose();
}
