using System.Security.Cryptography;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

public sealed class AccessTokenConfigurationTests
{
    [Fact]
    public async Task A_signing_key_that_is_not_PEM_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["Auth:AccessTokens:SigningKeys:0"] = "not a key" }));

        Assert.Equal("Auth:AccessTokens", error.Key);
        Assert.Contains("Auth:AccessTokens:SigningKeys:0 is not PEM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_is_refused_so_the_signing_secret_never_spreads_to_verifiers()
    {
        using var tokens = new TestTokens();

        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => GraphQLTestHost.StartAsync(
            tokens.Settings(new Dictionary<string, string?> { ["Auth:AccessTokens:SigningKeys:1"] = tokens.PrivateKeyPem })));

        Assert.Contains("Auth:AccessTokens:SigningKeys:1 is a PEM 'PRIVATE KEY'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["Auth:AccessTokens:SigningKeys:0"] = p384.ExportSubjectPublicKeyInfoPem() }));

        Assert.Contains("Auth:AccessTokens:SigningKeys:0 is not an EC P-256 key (ES256)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_skew_beyond_30_seconds_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["Auth:AccessTokens:ClockSkew"] = "00:05:00" }));

        Assert.Contains("Auth:AccessTokens:ClockSkew must be between", error.Message, StringComparison.Ordinal);
    }
}
