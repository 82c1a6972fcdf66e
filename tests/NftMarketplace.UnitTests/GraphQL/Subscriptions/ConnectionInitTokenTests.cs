using System.Text.Json;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>Where <c>connection_init</c> carries the access token, and what counts as none or as a malformed one.</summary>
public sealed class ConnectionInitTokenTests
{
    private static string? Find(string? payload) =>
        ConnectionInitAuthenticator.FindToken(payload is null ? null : JsonDocument.Parse(payload).RootElement);

    [Theory]
    [InlineData("""{"accessToken":"abc"}""", "abc")]
    [InlineData("""{"Authorization":"Bearer abc"}""", "abc")]
    [InlineData("""{"authorization":"bearer abc"}""", "abc")]
    [InlineData("""{"accessToken":"abc","Authorization":"Bearer other"}""", "abc")]
    public void The_token_is_read_from_accessToken_or_a_bearer_Authorization(string payload, string token) =>
        Assert.Equal(token, Find(payload));

    [Theory]
    [InlineData(null)]
    [InlineData("""{}""")]
    [InlineData("""{"accessToken":null}""")]
    [InlineData("""{"accessToken":""}""")]
    [InlineData("""{"Authorization":null}""")]
    [InlineData("""{"Authorization":" "}""")]
    [InlineData("""{"other":"abc"}""")]
    public void No_token_means_anonymous(string? payload) => Assert.Null(Find(payload));

    [Theory]
    [InlineData("""{"accessToken":42}""")]
    [InlineData("""{"accessToken":{"value":"abc"}}""")]
    [InlineData("""{"Authorization":"Basic dXNlcjpwYXNz"}""")]
    [InlineData("""{"Authorization":"Bearer "}""")]
    [InlineData("""{"Authorization":7}""")]
    public void A_token_in_the_wrong_shape_is_malformed_not_absent(string payload) => Assert.Equal("", Find(payload));
}
