using System.Text;
using GraphQL.SystemTextJson;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>Which frames are graphql-transport-ws client messages, and what the rest are closed with (4400).</summary>
public sealed class ClientMessageParserTests
{
    private static readonly ClientMessageParser Parser = new(new GraphQLSerializer());

    private static ClientMessage Parse(string json) => Parser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_subscribe_carries_its_id_and_operation()
    {
        var message = Parse("""
            {"id":"1","type":"subscribe","payload":{"query":"subscription S($t: String!) { testEvents(topic: $t) { text } }",
             "operationName":"S","variables":{"t":"intent:7"},"extensions":{"trace":true}},"extra":"ignored"}
            """);

        Assert.Equal(ClientMessageType.Subscribe, message.Type);
        Assert.Equal("1", message.Id);
        Assert.Equal("S", message.Operation!.OperationName);
        Assert.StartsWith("subscription S", message.Operation.Query, StringComparison.Ordinal);
        Assert.Equal("intent:7", message.Operation.Variables!["t"]);
        Assert.Equal(true, message.Operation.Extensions!["trace"]);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","id":"a","payload":{"query":"{ a }","variables":null,"operationName":null,"extensions":null}}""")]
    [InlineData("""{"type":"subscribe","id":"a","payload":{"query":"{ a }","operationName":""}}""")]
    public void Optional_operation_fields_may_be_null_or_absent(string json)
    {
        var operation = Parse(json).Operation!;

        Assert.Equal("{ a }", operation.Query);
        Assert.Null(operation.OperationName);
        Assert.Null(operation.Variables);
        Assert.Null(operation.Extensions);
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""", nameof(ClientMessageType.ConnectionInit), false)]
    [InlineData("""{"type":"connection_init","payload":null}""", nameof(ClientMessageType.ConnectionInit), false)]
    [InlineData("""{"type":"connection_init","payload":{"accessToken":"t"}}""", nameof(ClientMessageType.ConnectionInit), true)]
    [InlineData("""{"type":"ping","payload":{"at":1}}""", nameof(ClientMessageType.Ping), true)]
    [InlineData("""{"type":"pong"}""", nameof(ClientMessageType.Pong), false)]
    public void Messages_without_an_id_keep_an_optional_object_payload(string json, string type, bool hasPayload)
    {
        var message = Parse(json);

        Assert.Equal(Enum.Parse<ClientMessageType>(type), message.Type);
        Assert.Equal(hasPayload, message.Payload.HasValue);
    }

    [Fact]
    public void A_complete_names_its_operation() =>
        Assert.Equal(new ClientMessage(ClientMessageType.Complete, "op-1"), Parse("""{"id":"op-1","type":"complete"}"""));

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""["type","ping"]""", "not a JSON object")]
    [InlineData("""{"payload":{}}""", "no string 'type'")]
    [InlineData("""{"type":""}""", "no string 'type'")]
    [InlineData("""{"type":42}""", "no string 'type'")]
    [InlineData("""{"type":"start","id":"1"}""", "a type a client may not send")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "a type a client may not send")]
    [InlineData("""{"type":"connection_ack"}""", "a type a client may not send")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ a }"}}""", "'subscribe' needs a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ a }"}}""", "'subscribe' needs a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":7,"payload":{"query":"{ a }"}}""", "'subscribe' needs a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"1"}""", "'subscribe' needs an object 'payload'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":"{ a }"}""", "'subscribe' needs an object 'payload'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{}}""", "'subscribe' needs a string 'payload.query'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":[1]}}""", "'payload.variables' must be an object or null")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","operationName":3}}""", "'payload.operationName' must be a string or null")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","extensions":"x"}}""", "'payload.extensions' must be an object or null")]
    [InlineData("""{"type":"complete"}""", "'complete' needs a non-empty string 'id'")]
    [InlineData("""{"type":"connection_init","payload":"token"}""", "the 'payload' of 'connection_init' must be an object or null")]
    [InlineData("""{"type":"ping","payload":[]}""", "the 'payload' of 'ping' must be an object or null")]
    public void Anything_else_is_an_invalid_message_with_a_reason(string json, string reason)
    {
        var invalid = Assert.Throws<InvalidClientMessageException>(() => Parse(json));

        // The reason may go on with the JSON reader's own explanation.
        Assert.StartsWith("Invalid message: " + reason, invalid.Message, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(CloseReason.BadRequest(invalid.Message).Reason), 1, CloseReason.MaxReasonBytes);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_an_invalid_message()
    {
        byte[] frame = [.. "{\"type\":\"ping\",\"payload\":{\"x\":\""u8, 0xC3, 0x28, .. "\"}}"u8];

        var invalid = Assert.Throws<InvalidClientMessageException>(() => Parser.Parse(frame));

        Assert.Contains("UTF-8", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"token":"\ud800"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","operationName":"\ud800"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":{"v":"\udc00x"}}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":{"\ud800":1}}}""")]
    [InlineData("""{"type":"subscribe","id":"\ud800","payload":{"query":"{ a }"}}""")]
    public void An_escaped_lone_surrogate_anywhere_is_an_invalid_message(string json)
    {
        var invalid = Assert.Throws<InvalidClientMessageException>(() => Parse(json));

        Assert.Contains("surrogate", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_surrogate_pair_is_read()
    {
        var message = Parse("""{"type":"subscribe","id":"1","payload":{"query":"{ a }","operationName":"\ud83d\ude00"}}""");

        Assert.Equal("\U0001F600", message.Operation!.OperationName);
    }
}
