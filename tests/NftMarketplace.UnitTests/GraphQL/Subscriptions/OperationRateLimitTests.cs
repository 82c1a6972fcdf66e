using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NftMarketplace.GraphQL.Limits;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>Operations sent over a socket spend the caller's rate-limit budget, the same one its HTTP requests spend.</summary>
public sealed class OperationRateLimitTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.9");

    private static string Type(JsonElement message) => message.GetProperty("type").GetString()!;

    [Fact]
    public async Task Operations_past_the_address_budget_get_RATE_LIMITED_with_retryAfter_and_the_socket_stays_open()
    {
        await using var host = await WsTestHost.StartAsync(Budgets(perIp: 5, perUser: 50));
        using var client = host.Connect(remoteAddress: Client);
        await client.InitAsync();

        var outcomes = await SendQueriesAsync(client, count: 12);

        Assert.Equal(5, outcomes.Values.Count(o => o.Type == "complete"));
        var refused = outcomes.Values.Where(o => o.Type == "error").ToList();
        Assert.Equal(7, refused.Count);
        Assert.All(refused, error => Assert.Equal("RATE_LIMITED", error.Code));
        Assert.All(refused, error => Assert.InRange(error.RetryAfter!.Value, 1, 60));
        // Refused operations leave the socket as it was: it answers, and its ids are free again.
        await client.AssertNothingPendingAsync();
        Assert.Equal(WebSocketStateOpen, client.Socket.State);
    }

    [Fact]
    public async Task An_address_shares_one_budget_between_its_HTTP_requests_and_its_socket_operations()
    {
        await using var host = await WsTestHost.StartAsync(Budgets(perIp: 4, perUser: 50));
        var http = HttpPartition(host, Client);
        Assert.True(http.AttemptAcquire().IsAcquired);
        Assert.True(http.AttemptAcquire().IsAcquired);
        Assert.True(http.AttemptAcquire().IsAcquired);
        using var client = host.Connect(remoteAddress: Client);
        await client.InitAsync();

        var outcomes = await SendQueriesAsync(client, count: 3);

        Assert.Equal(1, outcomes.Values.Count(o => o.Type == "complete"));
        Assert.Equal(2, outcomes.Values.Count(o => o.Code == "RATE_LIMITED"));
        // And the other way round: the socket's operations spent what HTTP would have had.
        using var lease = http.AttemptAcquire();
        Assert.False(lease.IsAcquired);
        // Another address is untouched.
        using var other = HttpPartition(host, IPAddress.Parse("198.51.100.20")).AttemptAcquire();
        Assert.True(other.IsAcquired);
    }

    [Fact]
    public async Task A_signed_in_socket_spends_its_user_budget_not_its_address_budget()
    {
        await using var host = await WsTestHost.StartAsync(Budgets(perIp: 2, perUser: 4));
        var limiter = host.Services.GetRequiredService<GraphQLRateLimiter>();
        // The address's budget is spent already, and one of the user's four permits went to an HTTP request.
        using (limiter.Acquire(RateLimitKey.For(null, Client)))
        using (limiter.Acquire(RateLimitKey.For(null, Client)))
        using (limiter.Acquire(new RateLimitKey("user:user-7", IsUser: true)))
        {
        }

        using var client = host.Connect(remoteAddress: Client);
        await client.InitAsync(new { accessToken = TestAccessTokens.For("user-7", "s7") });

        var outcomes = await SendQueriesAsync(client, count: 5);

        Assert.Equal(3, outcomes.Values.Count(o => o.Type == "complete"));
        Assert.Equal(2, outcomes.Values.Count(o => o.Code == "RATE_LIMITED"));
    }

    [Fact]
    public void An_address_may_hold_only_so_many_sockets_open()
    {
        var limit = new OpenSocketLimit(Options.Create(new NftMarketplace.GraphQL.Configuration.GraphQLOptions
        {
            RateLimit = new() { MaxSocketsPerIp = 2 },
        }));
        using var first = limit.TryOpen(Client);
        var second = limit.TryOpen(Client);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(limit.TryOpen(Client));
        // IPv6 addresses count per /64, like the rate limit; other addresses have their own count.
        using var v6 = limit.TryOpen(IPAddress.Parse("2001:db8::1"));
        using var v6Neighbour = limit.TryOpen(IPAddress.Parse("2001:db8::2"));
        Assert.Null(limit.TryOpen(IPAddress.Parse("2001:db8::3")));
        Assert.NotNull(v6Neighbour);

        second!.Dispose();
        second.Dispose();
        Assert.Equal(1, limit.OpenCount(Client));
        using var again = limit.TryOpen(Client);
        Assert.NotNull(again);
    }

    private const System.Net.WebSockets.WebSocketState WebSocketStateOpen = System.Net.WebSockets.WebSocketState.Open;

    private static Dictionary<string, string?> Budgets(int perIp, int perUser) => new()
    {
        ["GraphQL:RateLimit:PerIpPermits"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphQL:RateLimit:PerUserPermits"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphQL:WebSockets:MaxOperations"] = "1000",
    };

    private static System.Threading.RateLimiting.RateLimiter HttpPartition(WsTestHost host, IPAddress address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address;
        var policy = ActivatorUtilities.CreateInstance<GraphQLRateLimitPolicy>(host.Services);
        var partition = policy.GetPartition(context);
        return partition.Factory(partition.PartitionKey);
    }

    /// <summary>Sends <paramref name="count"/> queries at once and waits for each one's last message.</summary>
    private static async Task<Dictionary<string, Outcome>> SendQueriesAsync(WsTestClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.SubscribeAsync("q" + i, "{ serverTime }");
        }

        var outcomes = new Dictionary<string, Outcome>();
        while (outcomes.Count < count)
        {
            var message = await client.ReceiveAsync();
            var id = message.GetProperty("id").GetString()!;
            switch (Type(message))
            {
                case "complete":
                    outcomes.Add(id, new Outcome("complete", null, null));
                    break;
                case "error":
                    var extensions = message.GetProperty("payload")[0].GetProperty("extensions");
                    outcomes.Add(id, new Outcome(
                        "error",
                        extensions.GetProperty("code").GetString(),
                        extensions.TryGetProperty("retryAfter", out var retryAfter) ? retryAfter.GetInt32() : null));
                    break;
            }
        }

        return outcomes;
    }

    private sealed record Outcome(string Type, string? Code, int? RetryAfter);
}
