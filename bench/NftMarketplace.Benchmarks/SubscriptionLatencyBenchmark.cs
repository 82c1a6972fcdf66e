using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL.Types;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Subscriptions;

namespace NftMarketplace.Benchmarks;

/// <summary>
/// A subscription event from <see cref="ISubscriptionPublisher.PublishAsync{TEvent}"/> to the client's
/// <c>next</c> frame, against a bare WebSocket echo of a frame of the same size on the same server.
/// </summary>
internal static class SubscriptionLatencyBenchmark
{
    public const string Topic = "bench";
    public const string EchoPath = "/echo";

    public static async Task<(LatencySample Subscription, LatencySample Baseline)> RunAsync(
        Uri server, ISubscriptionPublisher publisher, int iterations, int warmup)
    {
        var wsBase = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var graphql = await ConnectGraphQLAsync(new Uri(wsBase, "graphql"));
        using var echo = new ClientWebSocket();
        await echo.ConnectAsync(new Uri(wsBase, EchoPath.TrimStart('/')), CancellationToken.None);

        var buffer = new byte[64 * 1024];
        var sequence = 0;

        // The subscription is live once an event makes it through.
        await WarmUpSubscriptionAsync(graphql, publisher, buffer, () => ++sequence);

        var sample = Array.Empty<byte>();
        async Task PublishAsync()
        {
            var n = ++sequence;
            await publisher.PublishAsync(Topic, new BenchEvent(n));
            var frame = await ReceiveTextAsync(graphql, buffer);
            if (!frame.Contains($"\"n\":{n}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Unexpected frame: {frame}");
            }

            sample = Encoding.UTF8.GetBytes(frame);
        }

        async Task EchoAsync()
        {
            await echo.SendAsync(sample, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var back = await ReceiveTextAsync(echo, buffer);
            if (back.Length != sample.Length)
            {
                throw new InvalidOperationException("The echo differs from what was sent.");
            }
        }

        var subscription = new LatencySample("subscription event: publish → `next` frame");
        var baseline = new LatencySample("bare WebSocket echo, same frame");
        var discard = new LatencySample("warm-up");
        await discard.MeasureAsync(PublishAsync, warmup);
        await discard.MeasureAsync(EchoAsync, warmup);

        const int block = 250;
        for (var done = 0; done < iterations; done += block)
        {
            await subscription.MeasureAsync(PublishAsync, block);
            await baseline.MeasureAsync(EchoAsync, block);
        }

        await graphql.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await echo.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        return (subscription, baseline);
    }

    /// <summary>A bare WebSocket endpoint that sends every message back as it came.</summary>
    public static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
        }
    }

    private static async Task<ClientWebSocket> ConnectGraphQLAsync(Uri endpoint)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(endpoint, CancellationToken.None);
        var buffer = new byte[4096];
        await SendJsonAsync(socket, new { type = "connection_init" });
        var ack = await ReceiveTextAsync(socket, buffer);
        if (!ack.Contains("connection_ack", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected connection_ack, got {ack}");
        }

        await SendJsonAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { benchEvents { n } }" } });
        return socket;
    }

    /// <summary>
    /// Publishes until an event arrives: from then on the subscription is live and every later event
    /// arrives in order, so exactly the ones published after the first received are still to be read.
    /// A pending receive is never cancelled, since that aborts a WebSocket.
    /// </summary>
    private static async Task WarmUpSubscriptionAsync(ClientWebSocket socket, ISubscriptionPublisher publisher, byte[] buffer, Func<int> next)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var receive = ReceiveTextAsync(socket, buffer);
        var lastPublished = 0;
        while (!receive.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The subscription never delivered an event.");
            }

            lastPublished = next();
            await publisher.PublishAsync(Topic, new BenchEvent(lastPublished));
            await Task.WhenAny(receive, Task.Delay(10));
        }

        var firstReceived = SequenceOf(await receive);
        for (var pending = lastPublished - firstReceived; pending > 0; pending--)
        {
            await ReceiveTextAsync(socket, buffer);
        }
    }

    private static int SequenceOf(string frame)
    {
        var match = System.Text.RegularExpressions.Regex.Match(frame, "\"n\":(\\d+)");
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Unexpected frame: {frame}");
    }

    private static Task SendJsonAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveTextAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken = default)
    {
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }
}

internal sealed record BenchEvent(int N);

/// <summary>The one subscription field the benchmark needs.</summary>
internal sealed class BenchFields : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots) =>
        roots.Subscription.Field<NonNullGraphType<BenchEventType>, BenchEvent>("benchEvents")
            .ResolveTopic(_ => SubscriptionLatencyBenchmark.Topic);
}

internal sealed class BenchEventType : ObjectGraphType<BenchEvent>
{
    public BenchEventType()
    {
        Name = "BenchEvent";
        Field(e => e.N);
    }
}
