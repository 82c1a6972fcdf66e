using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>The graphql-transport-ws rules of one socket, message by message, without any I/O.</summary>
public sealed class ConnectionProtocolTests
{
    private static readonly ClientMessage Init = new(ClientMessageType.ConnectionInit);
    private static readonly SubscribePayload Operation = new("subscription { testEvents(topic: \"t\") { text } }", null, null, null);

    private static ClientMessage Subscribe(string id) => new(ClientMessageType.Subscribe, id) { Operation = Operation };

    private static ClientMessage Complete(string id) => new(ClientMessageType.Complete, id);

    private static ConnectionProtocol Acknowledged(int maxOperations = 10)
    {
        var protocol = new ConnectionProtocol(maxOperations);
        Assert.IsType<ProtocolStep.Authenticate>(protocol.Receive(Init));
        protocol.Acknowledge();
        return protocol;
    }

    private static CloseReason ClosesWith(ProtocolStep step) => Assert.IsType<ProtocolStep.Close>(step).Reason;

    [Fact]
    public void Init_is_authenticated_then_acknowledged()
    {
        var protocol = new ConnectionProtocol(10);

        var step = protocol.Receive(Init with { Payload = System.Text.Json.JsonDocument.Parse("""{"accessToken":"t"}""").RootElement });

        Assert.Equal("t", Assert.IsType<ProtocolStep.Authenticate>(step).Payload!.Value.GetProperty("accessToken").GetString());
        Assert.Equal(ConnectionPhase.Initialising, protocol.Phase);
        protocol.Acknowledge();
        Assert.Equal(ConnectionPhase.Acknowledged, protocol.Phase);
    }

    [Fact]
    public void A_second_init_closes_with_4429_while_initialising_or_after()
    {
        var initialising = new ConnectionProtocol(10);
        initialising.Receive(Init);

        Assert.Equal(4429, ClosesWith(initialising.Receive(Init)).Code);
        Assert.Equal(4429, ClosesWith(Acknowledged().Receive(Init)).Code);
    }

    [Fact]
    public void Subscribing_before_the_acknowledgement_closes_with_4401()
    {
        var fresh = new ConnectionProtocol(10);
        var initialising = new ConnectionProtocol(10);
        initialising.Receive(Init);

        Assert.Equal(CloseReason.Unauthorized, ClosesWith(fresh.Receive(Subscribe("1"))));
        Assert.Equal(CloseReason.Unauthorized, ClosesWith(initialising.Receive(Subscribe("1"))));
    }

    [Fact]
    public void Init_not_received_in_time_closes_with_4408_and_only_then()
    {
        var initialising = new ConnectionProtocol(10);
        initialising.Receive(Init);

        Assert.Equal(CloseReason.InitialisationTimeout, ClosesWith(new ConnectionProtocol(10).InitTimeoutElapsed()));
        Assert.IsType<ProtocolStep.Ignore>(initialising.InitTimeoutElapsed());
        Assert.IsType<ProtocolStep.Ignore>(Acknowledged().InitTimeoutElapsed());
    }

    [Fact]
    public void A_subscribe_with_the_id_of_an_active_operation_closes_with_4409()
    {
        var protocol = Acknowledged();
        Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("dup")));

        var close = ClosesWith(protocol.Receive(Subscribe("dup")));

        Assert.Equal((4409, "Subscriber for dup already exists"), (close.Code, close.Reason));
    }

    [Fact]
    public void An_id_is_free_again_once_the_client_or_the_server_completed_it()
    {
        var protocol = Acknowledged();
        var first = Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));

        Assert.Equal(first.Ticket, Assert.IsType<ProtocolStep.Stop>(protocol.Receive(Complete("a"))).Ticket);
        var second = Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));
        Assert.True(protocol.Finish("a", second.Ticket));
        Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));
    }

    [Fact]
    public void An_operation_stopped_by_the_client_is_not_reported_and_does_not_free_a_later_one()
    {
        var protocol = Acknowledged();
        var stopped = Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));
        protocol.Receive(Complete("a"));
        var reused = Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));

        Assert.False(protocol.IsActive("a", stopped.Ticket));
        Assert.False(protocol.Finish("a", stopped.Ticket));
        Assert.True(protocol.IsActive("a", reused.Ticket));
        Assert.Equal(4409, ClosesWith(protocol.Receive(Subscribe("a"))).Code);
    }

    [Fact]
    public void Completing_an_unknown_or_finished_id_is_ignored()
    {
        var protocol = Acknowledged();
        var start = Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("a")));
        protocol.Finish("a", start.Ticket);

        Assert.IsType<ProtocolStep.Ignore>(protocol.Receive(Complete("a")));
        Assert.IsType<ProtocolStep.Ignore>(protocol.Receive(Complete("never-started")));
    }

    [Fact]
    public void Ping_is_answered_in_every_phase_and_pong_needs_no_answer()
    {
        var payload = System.Text.Json.JsonDocument.Parse("""{"n":1}""").RootElement;
        var ping = new ClientMessage(ClientMessageType.Ping) { Payload = payload };

        Assert.Equal(1, Assert.IsType<ProtocolStep.Pong>(new ConnectionProtocol(10).Receive(ping)).Payload!.Value.GetProperty("n").GetInt32());
        Assert.IsType<ProtocolStep.Pong>(Acknowledged().Receive(ping));
        Assert.IsType<ProtocolStep.Ignore>(new ConnectionProtocol(10).Receive(new ClientMessage(ClientMessageType.Pong)));
    }

    [Fact]
    public void Operations_beyond_the_limit_are_refused_one_by_one()
    {
        var protocol = Acknowledged(maxOperations: 2);
        protocol.Receive(Subscribe("1"));
        protocol.Receive(Subscribe("2"));

        var refused = Assert.IsType<ProtocolStep.Refuse>(protocol.Receive(Subscribe("3")));

        Assert.Equal("3", refused.Id);
        protocol.Receive(Complete("1"));
        Assert.IsType<ProtocolStep.Start>(protocol.Receive(Subscribe("3")));
    }

    [Fact]
    public void Acknowledging_out_of_turn_is_a_bug() =>
        Assert.Throws<InvalidOperationException>(() => new ConnectionProtocol(10).Acknowledge());
}
