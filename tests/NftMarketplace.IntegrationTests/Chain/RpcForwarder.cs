using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.IntegrationTests.Chain;

/// <summary>
/// An HTTP endpoint in front of the real node that a test switches between forwarding and failing (HTTP 503): an
/// endpoint that goes down and comes back. Counts what it received and what it forwarded.
/// </summary>
public sealed class RpcForwarder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly Uri _node;
    private int _failing;
    private int _requests;
    private int _forwarded;
    private int _webSocketRequests;

    private RpcForwarder(WebApplication app, Uri node)
    {
        _app = app;
        _node = node;
    }

    public Uri Url { get; private set; } = null!;

    public bool Failing
    {
        get => Volatile.Read(ref _failing) == 1;
        set => Volatile.Write(ref _failing, value ? 1 : 0);
    }

    public int Requests => Volatile.Read(ref _requests);

    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>WebSocket upgrade requests: this endpoint speaks HTTP only and refuses them, as a provider without WebSocket does.</summary>
    public int WebSocketRequests => Volatile.Read(ref _webSocketRequests);

    public static async Task<RpcForwarder> StartAsync(Uri node, bool failing = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var forwarder = new RpcForwarder(app, node) { Failing = failing };
        app.Run(forwarder.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        forwarder.Url = new Uri(address + "/");
        return forwarder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            if (string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _webSocketRequests);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (Failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new ByteArrayContent(body.ToArray());
        request.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var answer = await _upstream.PostAsync(_node, request, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        Interlocked.Increment(ref _forwarded);
    }
}
