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
}
