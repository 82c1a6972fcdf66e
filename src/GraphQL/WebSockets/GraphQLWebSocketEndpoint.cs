using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades of <c>/graphql</c> that ask for graphql-transport-ws and serves each until it closes.
/// Any other request is closed with 4406 right after the handshake, as graphql-ws servers do.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(GraphQLWsConnectionFactory connections, ConnectionRegistry registry, IHostApplicationLifetime lifetime)
{
    public async Task HandleAsync(HttpContext context)
    {
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

        using var connection = connections.Create(socket);
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
