using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>graphql-transport-ws end to end over in-memory sockets: every message flow and every close code.</summary>
public sealed class GraphQLWsConnectionTests
{
    private const string TestEventsQuery = "subscription($topic: String!) { testEvents(topic: $topic) { text sequence } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Type(JsonElement message) => message.GetProperty("type").GetString()!;

    private static string Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task A_subscription_streams_published_events_until_the_client_completes_it()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("s1", TestEventsQuery, new { topic = "intent:1" });
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("intent:1") == 1, "the subscription to reach the broker");
        await host.Broker.PublishAsync("intent:1", new TestEvent("pending", 1), Ct);
        await host.Broker.PublishAsync("intent:1", new TestEvent("mined", 2), Ct);

        foreach (var (text, sequence) in new[] { ("pending", 1), ("mined", 2) })
        {
            var next = await client.ReceiveAsync();
            Assert.Equal(("next", "s1"), (Type(next), next.GetProperty("id").GetString()));
            var data = next.GetProperty("payload").GetProperty("data").GetProperty("testEvents");
            Assert.Equal((text, sequence), (data.GetProperty("text").GetString(), data.GetProperty("sequence").GetInt32()));
        }

        await client.CompleteAsync("s1");
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("intent:1") == 0, "the subscription to be stopped");
        await host.Broker.PublishAsync("intent:1", new TestEvent("unheard", 3), Ct);
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task A_stream_that_ends_is_completed_by_the_server()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("c", "subscription { countdown(from: 3) }");

        foreach (var expected in new[] { 3, 2, 1 })
        {
            var next = await client.ReceiveAsync();
            Assert.Equal(expected, next.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32());
        }

        var complete = await client.ReceiveAsync();
        Assert.Equal(("complete", "c"), (Type(complete), complete.GetProperty("id").GetString()));
        // The id is free again at once.
        await client.SubscribeAsync("c", "subscription { countdown(from: 1) }");
        Assert.Equal("next", Type(await client.ReceiveAsync()));
    }

    [Theory]
    [InlineData("{ serverTime }", "serverTime")]
    [InlineData("""mutation { greet(input: { name: "ws", times: 1 }) { text } }""", "greet")]
    public async Task Queries_and_mutations_get_one_next_then_complete(string query, string field)
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("q", query);

        var next = await client.ReceiveAsync();
        Assert.Equal("next", Type(next));
        Assert.True(next.GetProperty("payload").GetProperty("data").TryGetProperty(field, out _));
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task An_operation_that_fails_validation_gets_an_error_and_no_complete()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("v", "subscription { nope }");

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "v"), (Type(error), error.GetProperty("id").GetString()));
        var first = error.GetProperty("payload")[0];
        Assert.Equal("BAD_USER_INPUT", Code(first));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", first.GetProperty("extensions").GetProperty("graphqlCode").GetString());
        await client.AssertNothingPendingAsync();
    }

    [Theory]
    [InlineData("{ __schema { queryType { name } } }", "NO_INTROSPECTION")]
    [InlineData("{ a: serverTime b: serverTime c: serverTime }", "TOO_MANY_ALIASES")]
    [InlineData("subscription { testEvents(topic: \"t\") { text } countdown(from: 1) }", "SINGLE_ROOT_FIELD_SUBSCRIPTIONS")]
    public async Task The_limits_of_HTTP_apply_to_socket_operations(string query, string graphQLCode)
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxAliases"] = "2" });
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("limited", query);

        var error = (await client.ReceiveAsync()).GetProperty("payload")[0];
        Assert.Equal("BAD_USER_INPUT", Code(error));
        Assert.Equal(graphQLCode, error.GetProperty("extensions").GetProperty("graphqlCode").GetString());
    }

    [Fact]
    public async Task A_stream_that_fails_ends_with_an_internal_error()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("f", "subscription { failing }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", Type(error));
        Assert.Equal("INTERNAL", Code(error.GetProperty("payload")[0]));
        Assert.DoesNotContain("broke", error.GetRawText(), StringComparison.Ordinal);
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task The_access_token_of_connection_init_is_the_user_of_every_operation()
    {
        await using var host = await WsTestHost.StartAsync();
        using var withAccessToken = host.Connect();
        using var withAuthorization = host.Connect();
        using var anonymous = host.Connect();
        await withAccessToken.InitAsync(new { accessToken = TestAccessTokens.For("user-1", "s1") });
        await withAuthorization.InitAsync(new { Authorization = "Bearer " + TestAccessTokens.For("user-2", "s2") });
        await anonymous.InitAsync();

        Assert.Equal("user-1", await WhoAmIAsync(withAccessToken));
        Assert.Equal("user-1", await WhoAmIAsync(withAccessToken));
        Assert.Equal("user-2", await WhoAmIAsync(withAuthorization));
        Assert.Null(await WhoAmIAsync(anonymous));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_echoing_its_payload_before_and_after_init()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();

        await client.SendAsync(new { type = "ping", payload = new { sentAt = 42 } });
        var early = await client.ReceiveAsync();
        await client.InitAsync();
        await client.SendAsync(new { type = "ping" });
        var late = await client.ReceiveAsync();
        await client.SendAsync(new { type = "pong", payload = new { unsolicited = true } });

        Assert.Equal(("pong", 42), (Type(early), early.GetProperty("payload").GetProperty("sentAt").GetInt32()));
        Assert.Equal("""{"type":"pong"}""", late.GetRawText());
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task The_server_pings_an_acknowledged_connection_at_the_keep_alive_interval()
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:KeepAliveInterval"] = "00:00:00.100" });
        using var client = host.Connect();
        await client.InitAsync();

        Assert.Equal("""{"type":"ping"}""", (await client.ReceiveAsync()).GetRawText());
        await client.SendAsync(new { type = "pong" });
        Assert.Equal("ping", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Operations_beyond_the_limit_get_a_rate_limited_error()
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:MaxOperations"] = "1" });
        using var client = host.Connect();
        await client.InitAsync();
        await client.SubscribeAsync("open", TestEventsQuery, new { topic = "t" });

        await client.SubscribeAsync("extra", TestEventsQuery, new { topic = "t" });

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "extra", "RATE_LIMITED"), (Type(error), error.GetProperty("id").GetString(), Code(error.GetProperty("payload")[0])));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ serverTime }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task An_invalid_message_closes_with_4400(string frame)
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SendAsync(frame);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message: ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_before_the_acknowledgement_closes_with_4401()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();

        await client.SubscribeAsync("early", "{ serverTime }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not-a-test-token")]
    [InlineData(42)]
    public async Task A_refused_access_token_closes_with_4403(object token)
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();

        await client.SendAsync(new { type = "connection_init", payload = new { accessToken = token } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Without_a_token_validator_every_token_is_refused_and_anonymous_is_still_allowed()
    {
        await using var host = await WsTestHost.StartAsync(withTokenValidator: false);
        using var signedIn = host.Connect();
        using var anonymous = host.Connect();

        await signedIn.SendAsync(new { type = "connection_init", payload = new { accessToken = TestAccessTokens.For("user-1", "s1") } });
        await anonymous.InitAsync();

        Assert.Equal(4403, (await signedIn.ReceiveCloseAsync()).Code);
        Assert.Null(await WhoAmIAsync(anonymous));
    }

    [Fact]
    public async Task No_connection_init_within_the_wait_closes_with_4408()
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:WebSockets:ConnectionInitWaitTimeout"] = "00:00:00.200" });
        using var late = host.Connect();
        using var punctual = host.Connect();
        await punctual.InitAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), await late.ReceiveCloseAsync());
        await punctual.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task A_subscribe_reusing_an_active_id_closes_with_4409()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();
        await client.SubscribeAsync("same", TestEventsQuery, new { topic = "t" });

        await client.SubscribeAsync("same", TestEventsQuery, new { topic = "t" });

        Assert.Equal((4409, "Subscriber for same already exists"), await client.ReceiveCloseAsync());
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("t") == 0, "the closed socket's subscription to be stopped");
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_message_larger_than_a_request_may_be_closes_with_1009()
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxRequestBytes"] = "2048" });
        using var client = host.Connect();
        await client.InitAsync();

        await client.SubscribeAsync("big", "{ serverTime }" + new string(' ', 5000));

        Assert.Equal((1009, "Message too big"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_client_that_reads_too_slowly_is_disconnected_with_1008_and_the_queue_stays_bounded()
    {
        await using var host = await WsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:WebSockets:SendQueueCapacity"] = "8",
            ["GraphQL:WebSockets:CloseTimeout"] = "00:00:30",
        });
        // A 1 KiB socket buffer: the server's sends wait as soon as the client stops reading.
        using var client = host.Connect(pauseWriterThreshold: 1024);
        await client.InitAsync();

        await client.SubscribeAsync("flood", "subscription { flood(count: 100000) }");
        var closing = await host.LastConnection.Closing.WaitAsync(WsTestClient.Patience, Ct);

        Assert.Equal(CloseReason.SendQueueOverflow, closing);
        // What was already on its way arrives, then the close frame; the rest of the burst was never queued.
        var (code, _) = await client.ReceiveCloseAsync();
        Assert.Equal(1008, code);
    }

    [Fact]
    public async Task Stopping_the_host_closes_every_socket_with_1001()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();
        await client.SubscribeAsync("s", TestEventsQuery, new { topic = "t" });
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("t") == 1, "the subscription");

        await host.StopAsync();

        Assert.Equal((1001, "Server shutting down"), await client.ReceiveCloseAsync());
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("t") == 0, "the subscription to be stopped");
    }

    [Fact]
    public async Task Revoking_a_session_closes_its_sockets_with_4403_and_no_others()
    {
        await using var host = await WsTestHost.StartAsync();
        using var revoked = host.Connect();
        using var sameSession = host.Connect();
        using var otherSession = host.Connect();
        await revoked.InitAsync(new { accessToken = TestAccessTokens.For("user-1", "session-a") });
        await sameSession.InitAsync(new { Authorization = "Bearer " + TestAccessTokens.For("user-1", "session-a") });
        await otherSession.InitAsync(new { accessToken = TestAccessTokens.For("user-1", "session-b") });

        await host.Registry.CloseSessionAsync("session-a", Ct);

        Assert.Equal((4403, "Session revoked"), await revoked.ReceiveCloseAsync());
        Assert.Equal((4403, "Session revoked"), await sameSession.ReceiveCloseAsync());
        await otherSession.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task An_access_token_that_has_expired_by_the_acknowledgement_closes_with_4403()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();

        await client.SendAsync(new { type = "connection_init", payload = new { accessToken = TestAccessTokens.For("user-1", "s1") + ":expired" } });

        Assert.Equal((4403, "Access token expired"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_socket_closes_with_4403_when_its_access_token_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await WsTestHost.StartAsync(time: clock);
        using var client = host.Connect();
        await client.InitAsync(new { accessToken = TestAccessTokens.For("user-1", "s1") + ":expiring" });
        Assert.Equal("user-1", await WhoAmIAsync(client));
        await client.AssertNothingPendingAsync();

        // The token expires a few seconds after the clock was read (plus however long the machine took until now).
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((4403, "Access token expired"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_client_closing_normally_stops_its_operations()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();
        await client.SubscribeAsync("s", TestEventsQuery, new { topic = "t" });
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("t") == 1, "the subscription");

        await client.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", Ct);

        Assert.Equal(CloseReason.Normal, await host.LastConnection.Closing.WaitAsync(WsTestClient.Patience, Ct));
        Assert.Equal(1000, (await client.ReceiveCloseAsync()).Code);
        await WsTestHost.UntilAsync(() => host.Broker.SubscriberCount("t") == 0, "the subscription to be stopped");
    }

    [Fact]
    public async Task A_message_split_over_several_frames_is_read_whole()
    {
        await using var host = await WsTestHost.StartAsync();
        using var client = host.Connect();
        await client.InitAsync();
        var frame = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "split", type = "subscribe", payload = new { query = "{ serverTime }" + new string(' ', 9000) } }));

        for (var offset = 0; offset < frame.Length; offset += 1000)
        {
            var piece = frame.AsMemory(offset, Math.Min(1000, frame.Length - offset));
            await client.Socket.SendAsync(piece, System.Net.WebSockets.WebSocketMessageType.Text, offset + 1000 >= frame.Length, Ct);
        }

        Assert.Equal("next", Type(await client.ReceiveAsync()));
    }

    private static async Task<string?> WhoAmIAsync(WsTestClient client)
    {
        var id = Guid.NewGuid().ToString("N");
        await client.SubscribeAsync(id, "{ whoAmI }");
        var next = await client.ReceiveAsync();
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
        return next.GetProperty("payload").GetProperty("data").GetProperty("whoAmI").GetString();
    }
}
