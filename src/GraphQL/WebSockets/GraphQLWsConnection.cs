using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// One graphql-transport-ws socket. Messages are read and handled one at a time, in order; operations run on their
/// own and write their results to a bounded queue that a single loop sends. Whatever closes the socket (the client,
/// a protocol violation, a refused token, a full queue, the Host stopping) goes through <see cref="Close"/>: the
/// first reason wins, operations stop, frames still queued are dropped and the close frame goes out.
/// </summary>
internal sealed partial class GraphQLWsConnection : IDisposable
{
    /// <summary>Frames are read in pieces of this size; only a larger message needs more.</summary>
    private const int ReceiveChunkBytes = 4 * 1024;

    /// <summary>Access tokens live minutes; an expiry further off than this is not watched (timers cap out near 49 days).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private readonly WebSocket _socket;
    private readonly GraphQLWsConnectionFactory _shared;
    private readonly GraphQLWebSocketOptions _options;
    private readonly ConnectionProtocol _protocol;
    private readonly IPAddress? _remoteAddress;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, CancellationTokenSource> _operations = [];
    private readonly Channel<byte[]> _outgoing;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<CloseReason> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _abortDeadline;
    private CloseReason? _closeReason;

    internal GraphQLWsConnection(WebSocket socket, GraphQLWsConnectionFactory shared, IPAddress? remoteAddress)
    {
        _socket = socket;
        _shared = shared;
        _remoteAddress = remoteAddress;
        _options = shared.Options;
        _protocol = new ConnectionProtocol(_options.MaxOperations);
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(_options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Whose operations run on this socket: anonymous until <c>connection_init</c> brings an accepted token.</summary>
    public ClaimsPrincipal User { get; private set; } = ConnectionIdentity.Anonymous.Principal!;

    /// <summary>The session of the access token, if it names one.</summary>
    public string? SessionId { get; private set; }

    /// <summary>Completes with the reason once the socket starts closing, whichever side began it.</summary>
    public Task<CloseReason> Closing => _closed.Task;

    /// <summary>Serves the socket until it is closed; <paramref name="stopping"/> closes it with 1001.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var stop = stopping.Register(static state => ((GraphQLWsConnection)state!).Close(CloseReason.GoingAway), this);
        var sending = SendLoopAsync();
        _ = CloseUnlessInitialisedAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client vanished without a close frame, or did not answer ours in time and the socket was aborted.
        }
        finally
        {
            // Nothing was sent yet when the client simply went away: this stops the operations and the send loop.
            Close(CloseReason.Normal);
            await sending.ConfigureAwait(false);
        }

        LogClosed(_shared.Logger, Id, _closeReason?.Code ?? 0, _closeReason?.Reason ?? "");
    }

    /// <summary>Starts closing the socket with <paramref name="reason"/>; false when it was already closing.</summary>
    public bool Close(CloseReason reason)
    {
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return false;
            }

            _closeReason = reason;
            // A client that reads nothing cannot take the close frame either: it is dropped once the time is up.
            _abortDeadline = new CancellationTokenSource(_options.CloseTimeout, _shared.Time);
            _abortDeadline.Token.Register(static socket => ((WebSocket)socket!).Abort(), _socket);
        }

        _outgoing.Writer.TryComplete();
        _closing.Cancel();
        _closed.TrySetResult(reason);
        return true;
    }

    public void Dispose()
    {
        _closing.Dispose();
        _abortDeadline?.Dispose();
    }

    private bool IsClosing => _closing.IsCancellationRequested;

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[ReceiveChunkBytes];
        while (true)
        {
            var received = await ReceiveMessageAsync(chunk).ConfigureAwait(false);
            switch (received.Kind)
            {
                case ReceivedKind.Close:
                    // The client's close frame: either it began closing (answered with 1000) or it answers ours.
                    Close(CloseReason.Normal);
                    return;
                case ReceivedKind.TooBig:
                    Close(CloseReason.MessageTooBig);
                    break;
                case ReceivedKind.Message when !IsClosing:
                    await HandleAsync(received.Message).ConfigureAwait(false);
                    break;
                default:
                    // Closing: what the client still sends is read only to reach its close frame.
                    break;
            }
        }
    }

    private async Task<Received> ReceiveMessageAsync(byte[] chunk)
    {
        ArrayBufferWriter<byte>? whole = null;
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new Received(ReceivedKind.Close, default);
            }

            if (whole is null && result.EndOfMessage)
            {
                return result.Count <= _shared.MaxMessageBytes
                    ? new Received(ReceivedKind.Message, chunk.AsMemory(0, result.Count))
                    : new Received(ReceivedKind.TooBig, default);
            }

            whole ??= new ArrayBufferWriter<byte>(2 * ReceiveChunkBytes);
            if (whole.WrittenCount + result.Count > _shared.MaxMessageBytes)
            {
                return new Received(ReceivedKind.TooBig, default);
            }

            whole.Write(chunk.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return new Received(ReceivedKind.Message, whole.WrittenMemory);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> frame)
    {
        ClientMessage message;
        try
        {
            message = _shared.Parser.Parse(frame);
        }
        catch (InvalidClientMessageException invalid)
        {
            LogProtocolViolation(_shared.Logger, Id, 4400, invalid.Message);
            Close(CloseReason.BadRequest(invalid.Message));
            return;
        }

        ProtocolStep step;
        lock (_gate)
        {
            step = _protocol.Receive(message);
        }

        switch (step)
        {
            case ProtocolStep.Pong pong:
                Send(ServerMessages.Pong(pong.Payload));
                break;
            case ProtocolStep.Authenticate init:
                // Awaited here, so every later message is handled as the client sees it: after the acknowledgement.
                await AuthenticateAsync(init.Payload).ConfigureAwait(false);
                break;
            case ProtocolStep.Start start when _shared.RateLimit.Refuse(User, _remoteAddress) is { } refused:
                // Spent like an HTTP request's permit; the socket stays open for the caller to retry later.
                Fail(start.Id, start.Ticket, [refused]);
                break;
            case ProtocolStep.Start start:
                Start(start);
                break;
            case ProtocolStep.Stop stop:
                Stop(stop.Ticket);
                break;
            case ProtocolStep.Refuse refuse:
                Send(_shared.Messages.Error(refuse.Id, [new GraphQLRequestError(ErrorCode.RateLimited, refuse.Message)]));
                break;
            case ProtocolStep.Close close:
                LogProtocolViolation(_shared.Logger, Id, close.Reason.Code, close.Reason.Reason);
                Close(close.Reason);
                break;
        }
    }

    private async Task AuthenticateAsync(JsonElement? payload)
    {
        ConnectionIdentity identity;
        try
        {
            identity = await _shared.Authenticator.AuthenticateAsync(payload, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (IsClosing)
        {
            return;
        }
        catch (Exception ex)
        {
            LogAuthenticationFailed(_shared.Logger, ex, Id);
            Close(CloseReason.InternalServerError);
            return;
        }

        if (identity.IsRefused)
        {
            LogTokenRefused(_shared.Logger, Id, identity.Refusal!);
            Close(CloseReason.Forbidden);
            return;
        }

        var expiry = ConnectionClaims.Expiry(identity.Principal!);
        if (expiry <= _shared.Time.GetUtcNow())
        {
            Close(CloseReason.AccessTokenExpired);
            return;
        }

        User = identity.Principal!;
        SessionId = ConnectionClaims.SessionId(User);
        lock (_gate)
        {
            _protocol.Acknowledge();
        }

        Send(ServerMessages.ConnectionAck);
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = PingPeriodicallyAsync(_closing.Token);
        }

        if (expiry is { } at)
        {
            _ = CloseAtExpiryAsync(at, _closing.Token);
        }
    }

    private void Start(ProtocolStep.Start start)
    {
        var operation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        lock (_gate)
        {
            _operations.Add(start.Ticket, operation);
        }

        _ = RunOperationAsync(start, operation.Token);
    }

    private void Stop(long ticket)
    {
        CancellationTokenSource? operation;
        lock (_gate)
        {
            // Whoever takes the source out of the map disposes of it.
            _operations.Remove(ticket, out operation);
        }

        operation?.Cancel();
        operation?.Dispose();
    }

    private async Task RunOperationAsync(ProtocolStep.Start start, CancellationToken cancellationToken)
    {
        var (id, ticket) = (start.Id, start.Ticket);
        try
        {
            ExecutionResult result;
            // The first execution gets a scope of its own; each later event of a subscription gets a fresh one
            // (ScopedSubscriptionExecutionStrategy), so no DbContext is shared between events or operations.
            var scope = _shared.Scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                result = await _shared.Executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = start.Operation.Query,
                    OperationName = start.Operation.OperationName,
                    Variables = start.Operation.Variables ?? Inputs.Empty,
                    Extensions = start.Operation.Extensions ?? Inputs.Empty,
                    RequestServices = scope.ServiceProvider,
                    User = User,
                    CancellationToken = cancellationToken,
                }).ConfigureAwait(false);
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, ticket, streams.Values.First(), cancellationToken).ConfigureAwait(false);
            }
            else if (!result.Executed)
            {
                // Refused before it ran (parse, validation, limits, time-out): an error, and no complete after it.
                Fail(id, ticket, result.Errors is { Count: > 0 } errors ? errors : [new ExecutionError(ErrorClassifier.InternalMessage)]);
            }
            else
            {
                SendResult(id, ticket, result);
                Complete(id, ticket);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Completed by the client, or the socket is closing: nothing more is sent for it.
        }
        catch (Exception ex)
        {
            LogOperationFailed(_shared.Logger, ex, Id, id);
            Fail(id, ticket, [new ExecutionError(ErrorClassifier.InternalMessage, ex)]);
        }
        finally
        {
            CancellationTokenSource? operation;
            lock (_gate)
            {
                _protocol.Finish(id, ticket);
                _operations.Remove(ticket, out operation);
            }

            operation?.Dispose();
        }
    }

    private async Task StreamAsync(string id, long ticket, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var observer = new OperationObserver(this, id, ticket);
        using (stream.Subscribe(observer))
        {
            await observer.Ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SendResult(string id, long ticket, ExecutionResult result)
    {
        var frame = _shared.Messages.Next(id, result);
        lock (_gate)
        {
            // The client may have completed it meanwhile; it then expects nothing more for this id.
            if (!_protocol.IsActive(id, ticket))
            {
                return;
            }
        }

        Send(frame);
    }

    private void Complete(string id, long ticket)
    {
        bool tell;
        lock (_gate)
        {
            // Freed before the complete goes out, so a client reusing the id at once is not taken for a duplicate.
            tell = _protocol.Finish(id, ticket);
        }

        if (tell)
        {
            Send(ServerMessages.Complete(id));
        }
    }

    private void Fail(string id, long ticket, IEnumerable<ExecutionError> errors)
    {
        bool tell;
        lock (_gate)
        {
            tell = _protocol.Finish(id, ticket);
        }

        if (tell)
        {
            Send(_shared.Messages.Error(id, errors));
        }
    }

    private void Send(byte[] frame)
    {
        // Refused when the queue is full or the socket is already closing; only the first is an overflow.
        if (!_outgoing.Writer.TryWrite(frame) && Close(CloseReason.SendQueueOverflow))
        {
            LogSendQueueOverflow(_shared.Logger, Id, _options.SendQueueCapacity);
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (!IsClosing && reader.TryRead(out var frame))
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }

                if (IsClosing)
                {
                    break;
                }
            }

            // The queue ends only when the socket closes.
            CloseReason reason;
            lock (_gate)
            {
                reason = _closeReason ?? CloseReason.Normal;
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)reason.Code, reason.Reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted: the client went away, or did not read its close frame in time.
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitWaitTimeout, _shared.Time, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        ProtocolStep step;
        lock (_gate)
        {
            step = _protocol.InitTimeoutElapsed();
        }

        if (step is ProtocolStep.Close close)
        {
            LogProtocolViolation(_shared.Logger, Id, close.Reason.Code, close.Reason.Reason);
            Close(close.Reason);
        }
    }

    private async Task PingPeriodicallyAsync(CancellationToken closing)
    {
        using var timer = new PeriodicTimer(_options.KeepAliveInterval, _shared.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(closing).ConfigureAwait(false))
            {
                Send(ServerMessages.Ping);
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
    }

    /// <summary>A socket must not outlive its access token; the client reconnects with a fresh one (4403 is retried).</summary>
    private async Task CloseAtExpiryAsync(DateTimeOffset expiry, CancellationToken closing)
    {
        var wait = expiry - _shared.Time.GetUtcNow();
        if (wait > LongestWait)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _shared.Time, closing).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Close(CloseReason.AccessTokenExpired);
    }

    [LoggerMessage(LogLevel.Debug, "GraphQL WebSocket {ConnectionId} closed with {Code} ({Reason})")]
    private static partial void LogClosed(ILogger logger, string connectionId, int code, string reason);

    [LoggerMessage(LogLevel.Debug, "GraphQL WebSocket {ConnectionId} broke the protocol and is closed with {Code} ({Reason})")]
    private static partial void LogProtocolViolation(ILogger logger, string connectionId, int code, string reason);

    [LoggerMessage(LogLevel.Information, "GraphQL WebSocket {ConnectionId} refused: its access token was not accepted ({Failure})")]
    private static partial void LogTokenRefused(ILogger logger, string connectionId, string failure);

    [LoggerMessage(LogLevel.Error, "Checking the access token of GraphQL WebSocket {ConnectionId} failed")]
    private static partial void LogAuthenticationFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(LogLevel.Warning, "GraphQL WebSocket {ConnectionId} dropped: it read too slowly and its {Capacity} queued messages overflowed")]
    private static partial void LogSendQueueOverflow(ILogger logger, string connectionId, int capacity);

    [LoggerMessage(LogLevel.Error, "GraphQL operation {OperationId} on WebSocket {ConnectionId} failed unexpectedly")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string connectionId, string operationId);

    private enum ReceivedKind
    {
        Message,
        TooBig,
        Close,
    }

    private readonly record struct Received(ReceivedKind Kind, ReadOnlyMemory<byte> Message);

    /// <summary>Turns a subscription's results into <c>next</c> messages, then <c>complete</c> or <c>error</c>.</summary>
    private sealed class OperationObserver(GraphQLWsConnection connection, string id, long ticket) : IObserver<ExecutionResult>
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public void OnNext(ExecutionResult value) => connection.SendResult(id, ticket, value);

        public void OnError(Exception error)
        {
            // The engine hands stream failures over as execution errors, already logged when unexpected.
            connection.Fail(id, ticket, [error as ExecutionError ?? new ExecutionError(ErrorClassifier.InternalMessage, error)]);
            _ended.TrySetResult();
        }

        public void OnCompleted()
        {
            connection.Complete(id, ticket);
            _ended.TrySetResult();
        }
    }
}
