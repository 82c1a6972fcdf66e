namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The WebSocket side of <c>/graphql</c> (configuration section <c>GraphQL:WebSockets</c>).</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSockets";

    /// <summary>How long a new socket may wait before sending <c>connection_init</c> (then 4408).</summary>
    public TimeSpan ConnectionInitWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often the server pings: a WebSocket ping frame, whose pong must come back within two intervals or the
    /// socket is dropped (finds dead peers), and a protocol <c>ping</c> message once acknowledged (lets clients, which
    /// cannot see ping frames from JavaScript, tell a live connection from a stalled one). Zero turns both off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Messages that may wait to be written to one socket. A client that reads more slowly than its events arrive
    /// fills it and is disconnected with 1008, so a slow reader cannot make the server hold ever more memory.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Operations one socket may run at once; a <c>subscribe</c> beyond it gets an <c>error</c> (<c>RATE_LIMITED</c>).</summary>
    public int MaxOperations { get; set; } = 100;

    /// <summary>How long a closing socket may take to deliver its close frame and receive the client's before it is dropped.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<string> Validate()
    {
        if (ConnectionInitWaitTimeout < TimeSpan.FromMilliseconds(50) || ConnectionInitWaitTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(ConnectionInitWaitTimeout)} must be between 00:00:00.050 and 00:01:00 (got {ConnectionInitWaitTimeout}).";
        }

        if (KeepAliveInterval != TimeSpan.Zero && (KeepAliveInterval < TimeSpan.FromMilliseconds(100) || KeepAliveInterval > TimeSpan.FromMinutes(10)))
        {
            yield return $"{Section}:{nameof(KeepAliveInterval)} must be 00:00:00 (off) or between 00:00:00.100 and 00:10:00 (got {KeepAliveInterval}).";
        }

        if (SendQueueCapacity is < 1 or > 100_000)
        {
            yield return $"{Section}:{nameof(SendQueueCapacity)} must be between 1 and 100000 (got {SendQueueCapacity}).";
        }

        if (MaxOperations is < 1 or > 10_000)
        {
            yield return $"{Section}:{nameof(MaxOperations)} must be between 1 and 10000 (got {MaxOperations}).";
        }

        if (CloseTimeout < TimeSpan.FromMilliseconds(100) || CloseTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(CloseTimeout)} must be between 00:00:00.100 and 00:01:00 (got {CloseTimeout}).";
        }
    }
}
