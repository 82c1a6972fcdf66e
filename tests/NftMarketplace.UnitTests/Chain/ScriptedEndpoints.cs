using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace NftMarketplace.UnitTests.Chain;

/// <summary>
/// An HTTP transport standing in for RPC endpoints, one per host name: each answers as its script says and counts
/// what it received.
/// </summary>
public sealed class ScriptedEndpoints : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, ScriptedEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests received by every endpoint together.</summary>
    public int Requests => _endpoints.Values.Sum(endpoint => endpoint.Requests);

    /// <summary>An endpoint at <c>http://{host}/</c> answering with <paramref name="script"/>.</summary>
    public ScriptedEndpoint Add(string host, Func<JObject, CancellationToken, Task<HttpResponseMessage>> script)
    {
        var endpoint = new ScriptedEndpoint(host, script);
        _endpoints[host] = endpoint;
        return endpoint;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints[request.RequestUri!.Host];
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var json = JToken.Parse(body);
        var first = json as JObject ?? (JObject)((JArray)json)[0];
        endpoint.Received(first, request);
        return await endpoint.Script(first, cancellationToken);
    }

    public static Task<HttpResponseMessage> Result(JObject request, object? result) =>
        Json(new JObject { ["jsonrpc"] = "2.0", ["id"] = request["id"], ["result"] = result is null ? JValue.CreateNull() : JToken.FromObject(result) });

    public static Task<HttpResponseMessage> Error(JObject request, int code, string message, string? data = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        var error = new JObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        return Json(new JObject { ["jsonrpc"] = "2.0", ["id"] = request["id"], ["error"] = error }, status);
    }

    public static Task<HttpResponseMessage> Status(HttpStatusCode status, string body = "") =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });

    /// <summary>What <c>SocketsHttpHandler</c> throws when nothing listens on the port.</summary>
    public static Task<HttpResponseMessage> Refuse() =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(
            HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

    public static async Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    private static Task<HttpResponseMessage> Json(JObject body, HttpStatusCode status = HttpStatusCode.OK) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") });
}

public sealed class ScriptedEndpoint(string host, Func<JObject, CancellationToken, Task<HttpResponseMessage>> script)
{
    private readonly ConcurrentQueue<string> _methods = new();
    private int _requests;

    public string Host { get; } = host;

    public Func<JObject, CancellationToken, Task<HttpResponseMessage>> Script { get; set; } = script;

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyCollection<string> Methods => _methods;

    public System.Net.Http.Headers.AuthenticationHeaderValue? LastAuthorization { get; private set; }

    internal void Received(JObject request, HttpRequestMessage message)
    {
        _methods.Enqueue((string?)request["method"] ?? "");
        LastAuthorization = message.Headers.Authorization;
        Interlocked.Increment(ref _requests);
    }
}
