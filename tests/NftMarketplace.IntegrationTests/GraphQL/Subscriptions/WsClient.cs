using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NftMarketplace.IntegrationTests.GraphQL.Subscriptions;

/// <summary>A graphql-transport-ws client over a real socket, frame by frame.</summary>
internal sealed class WsClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();

    public static async Task<WsClient> ConnectAsync(Uri endpoint, string? accessToken = null)
    {
        var client = new WsClient();
        client._socket.Options.AddSubProtocol("graphql-transport-ws");
        await client._socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
        await client.SendAsync(accessToken is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { accessToken } });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>The next message other than a server ping; fails if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        while (true)
        {
            var (message, close) = await ReceiveFrameAsync();
            if (message is not { } received)
            {
                throw new Xunit.Sdk.XunitException($"Expected a message, but the server closed with {close}.");
            }

            if (received.GetProperty("type").GetString() != "ping")
            {
                return received;
            }
        }
    }

    /// <summary>Reads until the server's close frame and returns its code and reason.</summary>
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

    public void Dispose() => _socket.Dispose();

    private async Task<(JsonElement? Message, (int Code, string? Reason)? Close)> ReceiveFrameAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
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
