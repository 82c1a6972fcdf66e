using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GraphQL.Types;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Auth;

/// <summary>Bearer access tokens over real HTTP: the Host's pipeline (authentication before rate limiting) and field rules.</summary>
public sealed class AccessTokenTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private readonly TestTokens _tokens = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask DisposeAsync()
    {
        _tokens.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_Host_accepts_its_issuers_tokens_and_refuses_expired_ones_even_for_public_fields()
    {
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            foreach (var (key, value) in _tokens.Settings())
            {
                configuration[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var anonymous = await PostAsync(http, "{ serverTime }", token: null);
        var signedIn = await PostAsync(http, "{ serverTime }", _tokens.Mint());
        var expired = await PostAsync(http, "{ serverTime }", _tokens.Mint(expiresIn: TimeSpan.FromMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (expired.Status, Code(expired.Body)));
        Assert.Equal("Bearer error=\"invalid_token\"", expired.WwwAuthenticate);
    }

    [Fact]
    public async Task A_signing_key_that_is_not_an_ES256_public_key_stops_the_Host_naming_the_key()
    {
        var configuration = Environment.HostEnvironment(Infrastructure);
        configuration["Auth__AccessTokens__SigningKeys__0"] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----";

        await using var host = HostProcess.Start(configuration);

        Assert.Equal(78, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Auth:AccessTokens:SigningKeys:0 is not an EC P-256 key (ES256)", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_rules_answer_401_and_403_over_HTTP()
    {
        await using var server = await GatewayServer.StartAsync(
            Infrastructure, Environment, builder => builder.AddGraphQLContributor<AdminFields>(), _tokens.Settings());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var anonymous = await PostAsync(http, "{ auditLog }", token: null);
        var curator = await PostAsync(http, "{ auditLog }", _tokens.Mint(roles: ["curator"]));
        var admin = await PostAsync(http, "{ auditLog }", _tokens.Mint("user-9", roles: ["admin"]));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, Code(anonymous.Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (curator.Status, Code(curator.Body)));
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("read by user-9", admin.Body.GetProperty("data").GetProperty("auditLog").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? WwwAuthenticate)> PostAsync(HttpClient http, string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, body, response.Headers.WwwAuthenticate.ToString());
    }

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private sealed class AdminFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots) =>
            roots.Query.Field<StringGraphType>("auditLog")
                .RequireRole("admin")
                .Resolve(context => "read by " + context.RequireUser().UserId);
    }
}
