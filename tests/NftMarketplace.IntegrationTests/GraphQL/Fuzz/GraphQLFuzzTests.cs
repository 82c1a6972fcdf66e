using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Fuzz;

/// <summary>
/// Generated requests against the real Host process, over HTTP and WebSocket: whatever a client sends, the answer
/// is never a 5xx, never <c>INTERNAL</c>, and never shows an exception. The seed is printed; set
/// <c>GRAPHQL_FUZZ_SEED</c> to replay a run.
/// </summary>
public sealed partial class GraphQLFuzzTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const int HttpRequests = 2_000;
    private const int SocketOperations = 300;
    private const int Parallelism = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task No_generated_request_gets_an_internal_error_or_an_exception()
    {
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("GRAPHQL_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : 20_261_203;
        TestContext.Current.SendDiagnosticMessage($"GraphQL fuzz seed: {seed} (GRAPHQL_FUZZ_SEED={seed} replays it)");
        var schema = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "schema.graphql"), Ct);
        await using var host = await StartHealthyHostAsync(c =>
        {
            // Introspection on: its resolvers run too, and errors may name the schema.
            c["GraphQL__EnableIntrospection"] = "true";
            c["GraphQL__RateLimit__PerIpPermits"] = "1000000";
        });
        var endpoint = new Uri(host.BaseAddress, "graphql");
        var clock = Stopwatch.StartNew();

        var generator = new DocumentGenerator(seed, schema);
        var bodies = Enumerable.Range(0, HttpRequests).Select(_ => generator.NextBody()).ToList();
        var operations = Enumerable.Range(0, SocketOperations).Select(_ => generator.NextOperation()).ToList();

        var failures = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(
            bodies.Select((body, index) => (body, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = Ct },
            async (request, cancellationToken) =>
            {
                using var content = new StringContent(request.body, Encoding.UTF8, "application/json");
                using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
                message.Headers.Accept.ParseAdd("application/graphql-response+json");
                using var response = await http.SendAsync(message, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (Problem((int)response.StatusCode, text) is { } problem)
                {
                    lock (failures)
                    {
                        failures.Add($"HTTP #{request.index}: {problem}\n  request: {Cut(request.body)}\n  response: {Cut(text)}");
                    }
                }
            });

        await RunOverSocketAsync(endpoint, operations, failures);
        TestContext.Current.SendDiagnosticMessage($"GraphQL fuzz: {HttpRequests} HTTP requests and {SocketOperations} socket operations in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(failures.Count == 0, $"seed {seed}, {failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(clock.Elapsed < Budget, $"The fuzz run took {clock.Elapsed}, more than its budget of {Budget}.");
    }

    private static async Task RunOverSocketAsync(Uri endpoint, List<(string Query, Dictionary<string, object?>? Variables)> operations, List<string> failures)
    {
        var socketUri = new UriBuilder(endpoint) { Scheme = "ws" }.Uri;
        var socket = new FuzzSocket(await ConnectAsync(socketUri));
        try
        {
            for (var index = 0; index < operations.Count; index++)
            {
                var (query, variables) = operations[index];
                var id = index.ToString(CultureInfo.InvariantCulture);
                var frame = JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query, variables } });
                await socket.Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, Ct);
                var (messages, close) = await ReceiveUntilDoneAsync(socket, id);
                foreach (var received in messages)
                {
                    if (Problem(200, received) is { } problem)
                    {
                        failures.Add($"socket #{index}: {problem}\n  request: {Cut(frame)}\n  message: {Cut(received)}");
                    }
                }

                if (close is { } closed)
                {
                    // A document may be refused, but the connection only for breaking the protocol.
                    failures.Add($"socket #{index}: closed with {closed}\n  request: {Cut(frame)}");
                    socket.Dispose();
                    socket = new FuzzSocket(await ConnectAsync(socketUri));
                }
            }
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// Messages until <paramref name="id"/>'s error or complete; a live subscription is completed after its first silence.
    /// The receive that outlasted the silence stays pending for the next operation: cancelling a receive would abort
    /// the socket. Late messages of an earlier, completed subscription are still checked but end nothing.
    /// </summary>
    private static async Task<(List<string> Messages, string? Close)> ReceiveUntilDoneAsync(FuzzSocket socket, string id)
    {
        var messages = new List<string>();
        while (true)
        {
            if (await socket.ReceiveWithinAsync(TimeSpan.FromSeconds(2)) is not { } received)
            {
                // A subscription that started and waits for events: stop it and move on.
                var complete = JsonSerializer.Serialize(new { id, type = "complete" });
                await socket.Socket.SendAsync(Encoding.UTF8.GetBytes(complete), WebSocketMessageType.Text, endOfMessage: true, Ct);
                return (messages, null);
            }

            var (text, close) = received;
            if (close is not null)
            {
                return (messages, close);
            }

            using var message = JsonDocument.Parse(text!);
            var type = message.RootElement.GetProperty("type").GetString();
            if (type == "ping")
            {
                await socket.Socket.SendAsync("""{"type":"pong"}"""u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, Ct);
                continue;
            }

            messages.Add(text!);
            if (type is "error" or "complete" && message.RootElement.TryGetProperty("id", out var of) && of.GetString() == id)
            {
                return (messages, null);
            }
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(uri, Ct);
        await socket.SendAsync("""{"type":"connection_init"}"""u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, Ct);
        var (ack, close) = await ReceiveTextAsync(socket, Ct);
        Assert.True(close is null && ack!.Contains("connection_ack", StringComparison.Ordinal), close ?? ack);
        return socket;
    }

    private static async Task<(string? Text, string? Close)> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, $"{(int?)result.CloseStatus} {result.CloseStatusDescription}");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(message.ToArray()), null);
            }
        }
    }

    /// <summary>What is wrong with an answer, or null when nothing is.</summary>
    private static string? Problem(int status, string body)
    {
        if (status >= 500)
        {
            return $"status {status}";
        }

        if (body.Contains("\"INTERNAL\"", StringComparison.Ordinal))
        {
            return "code INTERNAL";
        }

        if (body.Contains("\"details\"", StringComparison.Ordinal) || ExceptionTrace().IsMatch(body))
        {
            return "an exception is shown";
        }

        return null;
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A stack frame ("   at Namespace.Type.Method(") or a .NET exception's type name.
    [GeneratedRegex(@"\bat [\w.`<>]+\(|\b[A-Z]\w*Exception\b|\bSystem\.[A-Z]")]
    private static partial Regex ExceptionTrace();

    /// <summary>A client socket whose receive may outlast a wait without being cancelled (which would abort the socket).</summary>
    private sealed class FuzzSocket(ClientWebSocket socket) : IDisposable
    {
        private Task<(string? Text, string? Close)>? _pending;

        public ClientWebSocket Socket => socket;

        /// <summary>The next message (or close), or null when none came within <paramref name="silence"/>.</summary>
        public async Task<(string? Text, string? Close)?> ReceiveWithinAsync(TimeSpan silence)
        {
            _pending ??= ReceiveTextAsync(socket, Ct);
            if (await Task.WhenAny(_pending, Task.Delay(silence, Ct)) != _pending)
            {
                return null;
            }

            var received = await _pending;
            _pending = null;
            return received;
        }

        public void Dispose() => socket.Dispose();
    }
}
