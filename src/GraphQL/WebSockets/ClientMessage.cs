using System.Text.Json;
using GraphQL;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The messages a client may send; the server's own types (<c>next</c>, <c>error</c>, …) are not among them.</summary>
internal enum ClientMessageType
{
    ConnectionInit,
    Ping,
    Pong,
    Subscribe,
    Complete,
}

/// <summary>A well-formed client message: an <see cref="Id"/> for <c>subscribe</c> and <c>complete</c>, a payload where one is allowed.</summary>
internal sealed record ClientMessage(ClientMessageType Type, string? Id = null)
{
    /// <summary>The payload of <c>connection_init</c>, <c>ping</c> or <c>pong</c>: an object, or null when absent.</summary>
    public JsonElement? Payload { get; init; }

    public SubscribePayload? Operation { get; init; }
}

/// <summary>The operation a <c>subscribe</c> asks for; any GraphQL operation, not only subscriptions.</summary>
internal sealed record SubscribePayload(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>A message that breaks the protocol; the socket is closed with 4400 and <see cref="Exception.Message"/>.</summary>
internal sealed class InvalidClientMessageException(string reason) : Exception(reason);
