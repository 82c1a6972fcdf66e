using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Hosting;

/// <summary>
/// The real Host over real sockets: one rate-limit budget per caller for HTTP and WebSocket operations, a cap on open
/// sockets, forwarded headers believed from configured proxies only, <c>/health</c> details for local callers only.
/// </summary>
public sealed class GatewayLimitsTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string Query = "{ __typename }";

    [Fact]
    public async Task HTTP_requests_and_socket_operations_of_one_address_share_one_budget_and_spoofed_headers_do_not_help()
    {
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            configuration["GraphQL__RateLimit__PerIpPermits"] = "12";
            // Refilled every ten minutes: nothing comes back while the test counts.
            configuration["GraphQL__RateLimit__Window"] = "01:00:00";
            configuration["GraphQL__RateLimit__MaxSocketsPerIp"] = "2";
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var endpoint = new Uri($"ws://{host.BaseAddress.Authority}/graphql");

        // Three requests, each claiming another client: no proxy is configured, so all are 127.0.0.1's.
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, claimed)).Status);
        }

        // Two sockets (an upgrade is a request: 5 permits spent), and a third is refused by the socket cap after
        // passing the rate limiter (6 spent: the six operations accepted below prove it was not the rate limit).
        using var first = await WsClient.ConnectAsync(endpoint);
        using var second = await WsClient.ConnectAsync(endpoint);
        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusedUpgradeAsync(endpoint));

        // Six permits left for the socket's operations.
        for (var i = 0; i < 10; i++)
        {
            await first.SubscribeAsync("q" + i, Query);
        }

        var outcomes = await OutcomesAsync(first, 10);
        TestContext.Current.SendDiagnosticMessage($"one socket: {outcomes.Count(o => o.Code is null)} of 10 operations accepted");
        Assert.Equal(6, outcomes.Count(o => o.Code is null));
        var refused = outcomes.Where(o => o.Code is not null).ToList();
        Assert.Equal(4, refused.Count);
        Assert.All(refused, o => Assert.Equal("RATE_LIMITED", o.Code));
        Assert.All(refused, o => Assert.True(o.RetryAfter >= 1));

        // The socket stays open and answers; and HTTP now finds the budget spent, whatever address it claims.
        await first.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await first.ReceiveAsync()).GetProperty("type").GetString());
        var limited = await PostAsync(http, "198.51.100.77");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("RATE_LIMITED", limited.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_configured_proxy_names_the_client_for_rate_limits_and_health_details()
    {
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            configuration["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1";
            configuration["GraphQL__RateLimit__PerIpPermits"] = "2";
            configuration["GraphQL__RateLimit__Window"] = "01:00:00";
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "203.0.113.1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "203.0.113.1")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(http, "203.0.113.1")).Status);
        // Another client behind the same proxy has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "203.0.113.2")).Status);

        // The proxy itself is local and sees the components; a client it relays does not.
        using var local = JsonDocument.Parse(await http.GetStringAsync("health", TestContext.Current.CancellationToken));
        using var relayed = await HealthAsync(http, "203.0.113.1");
        Assert.True(local.RootElement.TryGetProperty("components", out _));
        Assert.Equal("Healthy", relayed.RootElement.GetProperty("status").GetString());
        Assert.False(relayed.RootElement.TryGetProperty("components", out _));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (response.StatusCode, body);
    }

    private static async Task<JsonDocument> HealthAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The status of an upgrade the server refuses before the handshake.</summary>
    private static async Task<HttpStatusCode> RefusedUpgradeAsync(Uri endpoint)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken));
        return socket.HttpStatusCode;
    }

    private static async Task<List<(string? Code, int RetryAfter)>> OutcomesAsync(WsClient client, int count)
    {
        List<(string? Code, int RetryAfter)> outcomes = [];
        while (outcomes.Count < count)
        {
            var message = await client.ReceiveAsync();
            switch (message.GetProperty("type").GetString())
            {
                case "complete":
                    outcomes.Add((null, 0));
                    break;
                case "error":
                    var extensions = message.GetProperty("payload")[0].GetProperty("extensions");
                    outcomes.Add((extensions.GetProperty("code").GetString(), extensions.TryGetProperty("retryAfter", out var wait) ? wait.GetInt32() : 0));
                    break;
            }
        }

        return outcomes;
    }
}
