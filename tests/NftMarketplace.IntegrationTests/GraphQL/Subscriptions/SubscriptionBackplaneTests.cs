using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.GraphQL.WebSockets;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.GraphQL.Subscriptions;

/// <summary>Two replicas on one Redis: subscription events and session revocations reach sockets on either.</summary>
public sealed class SubscriptionBackplaneTests(InfrastructureFixture infrastructure)
{
    private const string TestEvents = "subscription($topic: String!) { testEvents(topic: $topic) { text sequence } }";

    private readonly string _topic = "it:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_event_raised_on_one_replica_reaches_subscribers_on_both_exactly_once_and_in_order()
    {
        await using var a = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString);
        await using var b = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString);
        using var onA = await WsClient.ConnectAsync(a.GraphQLWebSocket);
        using var onB = await WsClient.ConnectAsync(b.GraphQLWebSocket);
        await onA.SubscribeAsync("a", TestEvents, new { topic = _topic });
        await onB.SubscribeAsync("b", TestEvents, new { topic = _topic });
        // A replica listens on the topic's channel from its first subscriber on: two listeners, both subscribed.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        await Eventually.Until(() => ListenersAsync(redis), count => count == 2, "both replicas to listen on the topic's channel");

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await PublishAsync(a, sequence);
        }

        int[] published = [1, 2, 3];
        Assert.Equal(published, await SequencesAsync(onB, 3));
        Assert.Equal(published, await SequencesAsync(onA, 3));
        // Redis hands A its own events back before B's next one; had A not skipped them, they would come first.
        await PublishAsync(b, 4);
        int[] fromB = [4];
        Assert.Equal(fromB, await SequencesAsync(onA, 1));
        Assert.Equal(fromB, await SequencesAsync(onB, 1));
    }

    [Fact]
    public async Task A_session_revoked_on_one_replica_closes_its_sockets_on_the_other()
    {
        var session = "session-" + Guid.NewGuid().ToString("N");
        await using var a = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString);
        await using var b = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString);
        using var revoked = await WsClient.ConnectAsync(b.GraphQLWebSocket, ReplicaTestTokens.For("user-1", session));
        using var other = await WsClient.ConnectAsync(b.GraphQLWebSocket, ReplicaTestTokens.For("user-1", "other-" + Guid.NewGuid().ToString("N")));
        var registry = a.Services.GetRequiredService<IConnectionRegistry>();
        var closed = revoked.ReceiveCloseAsync();

        // Until B's listener is subscribed a revocation passes it by; revoking again is harmless.
        await Eventually.Until(
            async () =>
            {
                await registry.CloseSessionAsync(session, TestContext.Current.CancellationToken);
                return await Task.WhenAny(closed, Task.Delay(200, TestContext.Current.CancellationToken)) == closed;
            },
            done => done,
            "the revocation to reach replica B");

        Assert.Equal((4403, "Session revoked"), await closed);
        await other.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await other.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_stopping_replica_closes_its_sockets_with_1001_and_lets_go_of_the_topic()
    {
        await using var replica = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString);
        using var client = await WsClient.ConnectAsync(replica.GraphQLWebSocket);
        await client.SubscribeAsync("s", TestEvents, new { topic = _topic });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        await Eventually.Until(() => ListenersAsync(redis), count => count == 1, "the replica to listen on the topic's channel");
        var closed = client.ReceiveCloseAsync();

        await replica.StopAsync();

        Assert.Equal((1001, "Server shutting down"), await closed);
        Assert.Equal(0, replica.Services.GetRequiredService<SubscriptionBroker>().SubscriberCount(_topic));
    }

    private async Task<long> ListenersAsync(ConnectionMultiplexer redis) =>
        await redis.GetServers()[0].SubscriptionSubscriberCountAsync(RedisSubscriptionBackplane.ChannelFor(_topic));

    private async Task PublishAsync(SubscriptionReplica replica, int sequence)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(replica.GraphQLEndpoint, new
        {
            query = "mutation($input: PublishTestEventInput!) { publishTestEvent(input: $input) }",
            variables = new { input = new { topic = _topic, text = $"event {sequence}", sequence } },
        }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(body.GetProperty("data").GetProperty("publishTestEvent").GetBoolean(), body.ToString());
    }

    private static async Task<int[]> SequencesAsync(WsClient client, int count)
    {
        var sequences = new int[count];
        for (var i = 0; i < count; i++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            sequences[i] = next.GetProperty("payload").GetProperty("data").GetProperty("testEvents").GetProperty("sequence").GetInt32();
        }

        return sequences;
    }
}
