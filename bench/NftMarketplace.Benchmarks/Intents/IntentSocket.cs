using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace NftMarketplace.Benchmarks.Intents;

/// <summary>
/// One creator's GraphQL WebSocket (graphql-transport-ws) with its intents' status subscriptions. A reader takes the
/// time of every frame as it arrives, before parsing it, and completes the waits for a status.
/// </summary>
internal sealed class IntentSocket : IAsyncDisposable
{
    public const string OnCollectionStatus = "subscription($id: ID!) { onCollectionStatus(intentId: $id) { intentId status error } }";

    public const string OnMintStatus = "subscription($id: ID!) { onMintStatus(intentId: $id) { intentId status error } }";

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(string Operation, string Status), TaskCompletionSource<long>> _arrivals = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _reading = Task.CompletedTask;

    public static async Task<IntentSocket> ConnectAsync(Uri graphQL, string accessToken)
    {
        var socket = new IntentSocket();
        socket._socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket._socket.ConnectAsync(graphQL, CancellationToken.None);
        await socket.SendAsync(new { type = "connection_init", payload = new { accessToken } });
        using var ack = await socket.ReceiveAsync(CancellationToken.None);
        if (ack.Document.RootElement.GetProperty("type").GetString() != "connection_ack")
        {
            throw new InvalidOperationException("the socket was not acknowledged: " + ack.Document.RootElement.GetRawText());
        }

        socket._reading = Task.Run(socket.ReadAsync);
        return socket;
    }

    public Task SubscribeAsync(string operation, string query, string intentId) =>
        SendAsync(new { id = operation, type = "subscribe", payload = new { query, variables = new { id = intentId } } });

    /// <summary>When the first frame of <paramref name="operation"/> with <paramref name="status"/> arrived (<see cref="Stopwatch"/> ticks).</summary>
    public Task<long> ArrivalAsync(string operation, string status) => Arrival(operation, status).Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    private TaskCompletionSource<long> Arrival(string operation, string status) =>
        _arrivals.GetOrAdd((operation, status), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReadAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var frame = await ReceiveAsync(_stop.Token);
                var root = frame.Document.RootElement;
                var type = root.GetProperty("type").GetString();
                if (type == "ping")
                {
                    await SendAsync(new { type = "pong" });
                    continue;
                }

                var operation = root.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";
                if (type == "next" && root.GetProperty("payload").TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                {
                    var update = data.EnumerateObject().Single().Value;
                    var status = update.GetProperty("status").GetString()!;
                    Arrival(operation, status).TrySetResult(frame.Arrived);
                    if (status is "FAILED" or "EXPIRED")
                    {
                        Fail(operation, $"intent went {status}: {update.GetRawText()}");
                    }
                }
                else if (type is "error" or "next")
                {
                    Fail(operation, "subscription error: " + root.GetRawText());
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var arrival in _arrivals.Values)
            {
                arrival.TrySetException(ex);
            }

            throw;
        }
    }

    private void Fail(string operation, string reason)
    {
        foreach (var ((op, _), arrival) in _arrivals)
        {
            if (op == operation)
            {
                arrival.TrySetException(new InvalidOperationException(reason));
            }
        }
    }

    private async Task SendAsync(object message)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task<Frame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the server closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var arrived = Stopwatch.GetTimestamp();
                return new Frame(JsonDocument.Parse(message.ToArray()), arrived);
            }
        }
    }

    private sealed record Frame(JsonDocument Document, long Arrived) : IDisposable
    {
        public void Dispose() => Document.Dispose();
    }
}
