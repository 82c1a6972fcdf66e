namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The vocabulary of graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).</summary>
public static class GraphQLWs
{
    /// <summary>The WebSocket subprotocol; the only one the endpoint speaks.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    public static class MessageTypes
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }
}

/// <summary>Why the server closes a socket: a WebSocket close code and a reason of at most 123 bytes.</summary>
public readonly record struct CloseReason(int Code, string Reason)
{
    /// <summary>The longest reason a close frame carries (RFC 6455 §5.5: 125 bytes of payload, 2 of them the code).</summary>
    public const int MaxReasonBytes = 123;

    /// <summary>The client closed normally, or asked for the closing handshake.</summary>
    public static CloseReason Normal { get; } = new(1000, "Normal closure");

    /// <summary>The Host is stopping; clients reconnect, typically to another replica.</summary>
    public static CloseReason GoingAway { get; } = new(1001, "Server shutting down");

    /// <summary>The client reads more slowly than its events arrive, and its send queue is full.</summary>
    public static CloseReason SendQueueOverflow { get; } = new(1008, "Client too slow: send queue overflowed");

    /// <summary>A message larger than <c>GraphQL:MaxRequestBytes</c>.</summary>
    public static CloseReason MessageTooBig { get; } = new(1009, "Message too big");

    /// <summary>No <c>connection_init</c> within <c>GraphQL:WebSockets:ConnectionInitWaitTimeout</c>.</summary>
    public static CloseReason InitialisationTimeout { get; } = new(4408, "Connection initialisation timeout");

    public static CloseReason Unauthorized { get; } = new(4401, "Unauthorized");

    /// <summary>The access token in <c>connection_init</c> was refused.</summary>
    public static CloseReason Forbidden { get; } = new(4403, "Forbidden");

    public static CloseReason AccessTokenExpired { get; } = new(4403, "Access token expired");

    public static CloseReason SessionRevoked { get; } = new(4403, "Session revoked");

    public static CloseReason SubprotocolNotAcceptable { get; } = new(4406, "Subprotocol not acceptable");

    public static CloseReason TooManyInitialisationRequests { get; } = new(4429, "Too many initialisation requests");

    public static CloseReason InternalServerError { get; } = new(4500, "Internal server error");

    public static CloseReason BadRequest(string reason) => new(4400, Fit(reason));

    public static CloseReason SubscriberAlreadyExists(string id) =>
        new(4409, Fit($"Subscriber for {id} already exists", "Subscriber for this id already exists"));

    private static string Fit(string reason, string? instead = null)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }

        return instead ?? reason[..Math.Min(reason.Length, MaxReasonBytes / 4)];
    }
}
