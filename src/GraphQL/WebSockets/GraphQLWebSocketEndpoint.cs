using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades of <c>/graphql</c> that ask for graphql-transport-ws and serves each until it closes.
/// Any other request is closed with 4406 right after the handshake, as graphql-ws servers do. An address already
/// holding its most sockets open is refused before the handshake, with 429 and <c>RATE_LIMITED</c>.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    GraphQLWsConnectionFactory connections,
    ConnectionRegistry registry,
    OpenSocketLimit openSockets,
    GraphQLResponseWriter writer,
    IHostApplicationLifetime lifetime)
{
    public const string TooManySocketsMessage =
        "Too many WebSockets are open from this address; close one (or use one socket for many operations) and retry.";

    public async Task HandleAsync(HttpContext context)
    {
        var remoteAddress = context.Connection.RemoteIpAddress;
        // Refused as an HTTP response rather than an accepted socket closed at once: it costs no handshake, and
        // clients retry a failed handshake with back-off, by which time a socket may have closed.
        using var slot = openSockets.TryOpen(remoteAddress);
        if (slot is null)
        {
            await writer.WriteErrorAsync(
                context.Response,
                AcceptNegotiation.Negotiate(context.Request.Headers.Accept) ?? ResponseMediaType.Json,
                StatusCodes.Status429TooManyRequests,
                ErrorCode.RateLimited,
                TooManySocketsMessage).ConfigureAwait(false);
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        if (!requested.Contains(GraphQLWs.SubProtocol))
        {
            // Echoing a requested subprotocol completes the handshake: a client that asked for one and got none
            // would fail it without ever seeing the close code that says why.
            using var refused = await context.WebSockets.AcceptWebSocketAsync(requested.Count > 0 ? requested[0] : null).ConfigureAwait(false);
            await CloseAsync(refused, CloseReason.SubprotocolNotAcceptable, connections.Options.CloseTimeout).ConfigureAwait(false);
            return;
        }

        var keepAlive = connections.Options.KeepAliveInterval;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = GraphQLWs.SubProtocol,
            KeepAliveInterval = keepAlive,
            // With a time-out the server expects each ping answered, so a peer that vanished is noticed.
            KeepAliveTimeout = keepAlive > TimeSpan.Zero ? 2 * keepAlive : Timeout.InfiniteTimeSpan,
        }).ConfigureAwait(false);

        using var connection = connections.Create(socket, remoteAddress);
        using (registry.Add(connection))
        {
            await connection.RunAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(WebSocket socket, CloseReason reason, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)reason.Code, reason.Reason, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client did not complete the closing handshake; the socket is dropped.
        }
    }
}
