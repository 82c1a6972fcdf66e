using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>The client side of a graphql-transport-ws socket, frame by frame, for checking the server's every answer.</summary>
internal sealed class WsTestClient(WebSocket socket) : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public WebSocket Socket => socket;

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>The next message; fails if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, close) = await ReceiveFrameAsync();
        return message ?? throw new Xunit.Sdk.XunitException($"Expected a message, but the server closed with {close}.");
    }

    /// <summary>Reads until the server's close frame, answers it, and returns its code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (message, close) = await ReceiveFrameAsync();
            if (message is null)
            {
                return close!.Value;
            }
        }
    }

    /// <summary>
    /// Proves nothing else was sent for an operation: a ping's pong comes back in order, so anything queued before
    /// it would arrive first.
    /// </summary>
    public async Task AssertNothingPendingAsync()
    {
        await SendAsync(new { type = "ping", payload = new { marker = "nothing-pending" } });
        var next = await ReceiveAsync();
        Assert.Equal("pong", next.GetProperty("type").GetString());
    }

    public void Dispose() => socket.Dispose();

    private async Task<(JsonElement? Message, (int Code, string? Reason)? Close)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }

                return (null, ((int)result.CloseStatus!.Value, result.CloseStatusDescription));
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(message.ToArray()).RootElement.Clone(), null);
            }
        }
    }
}
