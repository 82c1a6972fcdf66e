using System.Numerics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Sessions;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

/// <summary>ES256 access tokens are accepted only with low-s signatures, and the Auth module only issues those.</summary>
public sealed class CanonicalSignatureTests : IDisposable
{
    private static readonly BigInteger N = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private readonly TestTokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_whose_s_is_replaced_by_n_minus_s_is_refused_on_the_WebSocket_seam()
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());
        var validator = host.Services.GetRequiredService<IAccessTokenValidator>();
        var token = _tokens.Mint("user-3");

        var canonical = await validator.ValidateAsync(token, Ct);
        var malleated = await validator.ValidateAsync(WithSMirrored(token), Ct);

        Assert.True(canonical.IsValid, canonical.Failure);
        Assert.False(malleated.IsValid);
        Assert.Contains("low-s", malleated.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_whose_s_is_replaced_by_n_minus_s_is_refused_over_HTTP_as_UNAUTHENTICATED()
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());
        var token = _tokens.Mint("user-4");

        var canonical = await host.PostQueryAsAsync(token, "{ serverTime }");
        var malleated = await host.PostQueryAsAsync(WithSMirrored(token), "{ serverTime }");

        Assert.Equal(200, canonical.Status);
        Assert.True(canonical.HasData);
        Assert.Equal((401, "UNAUTHENTICATED"), (malleated.Status, malleated.Code));
    }

    [Fact]
    public void Issued_access_tokens_are_always_low_s()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issuer = new AccessTokenIssuer(
            new SigningKey(key), Options.Create(new AccessTokenOptions()), Options.Create(new SessionOptions()), TimeProvider.System);

        // Unnormalised, each signature is high-s with probability 1/2: 64 low-s in a row by chance is 2^-64.
        var tokens = Enumerable.Range(0, 64).Select(_ => issuer.Issue(Guid.NewGuid(), Guid.NewGuid(), []).Token).ToList();

        Assert.All(tokens, token => Assert.True(S(token) <= N / 2, "s is above n/2"));
        // Still valid signatures over the same content.
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var securityKey = new ECDsaSecurityKey(key);
        Assert.All(tokens, token => Assert.True(
            handler.ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKey = securityKey,
                ValidateIssuer = false,
                ValidateAudience = false,
            }).GetAwaiter().GetResult().IsValid));
    }

    [Fact]
    public void Normalising_mirrors_only_high_s_and_keeps_the_signature_valid()
    {
        var token = _tokens.Mint();
        var high = WithSMirrored(token);

        Assert.True(LowS.HasHighS(high));
        Assert.False(LowS.HasHighS(token));
        Assert.Equal(token, LowS.Normalize(high));
        Assert.Equal(token, LowS.Normalize(token));
    }

    /// <summary>The same signature in its other valid form: (r, n − s).</summary>
    private static string WithSMirrored(string token)
    {
        var dot = token.LastIndexOf('.');
        var signature = Base64UrlEncoder.DecodeBytes(token[(dot + 1)..]);
        var mirrored = (N - new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, 32, 32);
        mirrored.CopyTo(signature, 64 - mirrored.Length);
        return token[..(dot + 1)] + Base64UrlEncoder.Encode(signature);
    }

    private static BigInteger S(string token) =>
        new(Base64UrlEncoder.DecodeBytes(token[(token.LastIndexOf('.') + 1)..]).AsSpan(32), isUnsigned: true, isBigEndian: true);
}
