using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>Reading: frames are read whole (up to the size limit) and handled one at a time, in order.</summary>
internal sealed partial class GraphQLWsConnection
{
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

    private enum ReceivedKind
    {
        Message,
        TooBig,
        Close,
    }

    private readonly record struct Received(ReceivedKind Kind, ReadOnlyMemory<byte> Message);
}
