using System.Text.Json;

namespace NftMarketplace.GraphQL.WebSockets;

internal enum ConnectionPhase
{
    /// <summary>Socket open, no <c>connection_init</c> yet.</summary>
    AwaitingInit,

    /// <summary><c>connection_init</c> received, its access token being checked.</summary>
    Initialising,

    /// <summary><c>connection_ack</c> sent: operations may start.</summary>
    Acknowledged,
}

/// <summary>What the connection does in answer to a client message or a timer.</summary>
internal abstract record ProtocolStep
{
    private ProtocolStep()
    {
    }

    public sealed record Ignore : ProtocolStep
    {
        public static readonly Ignore Instance = new();
    }

    /// <summary>Answer a <c>ping</c>, echoing its payload.</summary>
    public sealed record Pong(JsonElement? Payload) : ProtocolStep;

    /// <summary>Check the access token of <c>connection_init</c>, then acknowledge or close.</summary>
    public sealed record Authenticate(JsonElement? Payload) : ProtocolStep;

    /// <summary>Run the operation; <paramref name="Ticket"/> tells it apart from a later one that reuses its id.</summary>
    public sealed record Start(string Id, long Ticket, SubscribePayload Operation) : ProtocolStep;

    /// <summary>The client completed the operation: stop it and send nothing more for it.</summary>
    public sealed record Stop(long Ticket) : ProtocolStep;

    /// <summary>Refuse this one operation with an <c>error</c> message; the connection stays open.</summary>
    public sealed record Refuse(string Id, string Message) : ProtocolStep;

    public sealed record Close(CloseReason Reason) : ProtocolStep;
}

/// <summary>
/// The rules of graphql-transport-ws for one socket, without any I/O, so each rule is checked on its own: init once
/// (else 4429) and in time (else 4408), operations only after the acknowledgement (else 4401), one active operation
/// per id (else 4409). Not thread-safe: the connection serialises calls.
/// </summary>
internal sealed class ConnectionProtocol(int maxOperations)
{
    private readonly Dictionary<string, long> _active = new(StringComparer.Ordinal);
    private long _lastTicket;

    public ConnectionPhase Phase { get; private set; } = ConnectionPhase.AwaitingInit;

    public int ActiveOperations => _active.Count;

    public ProtocolStep Receive(ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Type switch
        {
            ClientMessageType.ConnectionInit => Init(message),
            ClientMessageType.Ping => new ProtocolStep.Pong(message.Payload),
            ClientMessageType.Pong => ProtocolStep.Ignore.Instance,
            ClientMessageType.Subscribe => Subscribe(message.Id!, message.Operation!),
            ClientMessageType.Complete => Complete(message.Id!),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "Unknown client message type."),
        };
    }

    /// <summary>The connection-init wait is over: closes with 4408 unless <c>connection_init</c> arrived.</summary>
    public ProtocolStep InitTimeoutElapsed() =>
        Phase == ConnectionPhase.AwaitingInit ? new ProtocolStep.Close(CloseReason.InitialisationTimeout) : ProtocolStep.Ignore.Instance;

    /// <summary>The access token was accepted and <c>connection_ack</c> is being sent.</summary>
    public void Acknowledge()
    {
        if (Phase != ConnectionPhase.Initialising)
        {
            throw new InvalidOperationException($"Only an initialising connection can be acknowledged (it is {Phase}).");
        }

        Phase = ConnectionPhase.Acknowledged;
    }

    /// <summary>Whether the server may still send results for this operation (the client has not completed it).</summary>
    public bool IsActive(string id, long ticket) => _active.TryGetValue(id, out var current) && current == ticket;

    /// <summary>
    /// The operation ended on the server's side. Returns whether it was still active, i.e. whether the client should be
    /// told (<c>complete</c> or <c>error</c>); its id is free again either way.
    /// </summary>
    public bool Finish(string id, long ticket)
    {
        if (!IsActive(id, ticket))
        {
            return false;
        }

        _active.Remove(id);
        return true;
    }

    private ProtocolStep Init(ClientMessage message)
    {
        if (Phase != ConnectionPhase.AwaitingInit)
        {
            return new ProtocolStep.Close(CloseReason.TooManyInitialisationRequests);
        }

        Phase = ConnectionPhase.Initialising;
        return new ProtocolStep.Authenticate(message.Payload);
    }

    private ProtocolStep Subscribe(string id, SubscribePayload operation)
    {
        if (Phase != ConnectionPhase.Acknowledged)
        {
            return new ProtocolStep.Close(CloseReason.Unauthorized);
        }

        // Checked for every operation type: queries and mutations reserve their id too while they run.
        if (_active.ContainsKey(id))
        {
            return new ProtocolStep.Close(CloseReason.SubscriberAlreadyExists(id));
        }

        if (_active.Count >= maxOperations)
        {
            return new ProtocolStep.Refuse(id, $"This connection already runs {maxOperations} operations; complete one before starting another.");
        }

        var ticket = ++_lastTicket;
        _active.Add(id, ticket);
        return new ProtocolStep.Start(id, ticket, operation);
    }

    private ProtocolStep Complete(string id)
    {
        // An id the server has already finished (or never knew) is not an error: the two sides' completes may cross.
        if (!_active.Remove(id, out var ticket))
        {
            return ProtocolStep.Ignore.Instance;
        }

        return new ProtocolStep.Stop(ticket);
    }
}
