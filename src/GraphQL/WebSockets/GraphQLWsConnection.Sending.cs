using System.Net.WebSockets;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>Sending and timing: one loop writes the queued frames; keep-alive pings and the deadlines that close the socket.</summary>
internal sealed partial class GraphQLWsConnection
{
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
}
