using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// A tiny HTTP server standing in for a metadata host or an IPFS gateway, on a loopback address of its own
/// (<see cref="Address"/>, not 127.0.0.1) so that a Host can allow exactly it and still refuse the rest of loopback.
/// Each path answers what <see cref="Answer"/> says for its n-th request; every request is recorded.
/// </summary>
public sealed class DocumentServer : IAsyncDisposable
{
    public const string Address = "127.0.0.5";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int, (int Status, string Body)>> _answers = new(StringComparer.Ordinal);

    private DocumentServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<DocumentServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{Address}:0");
        var app = builder.Build();
        var server = new DocumentServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        return server;
    }

    /// <summary>What <paramref name="path"/> answers to its n-th request (1 for the first).</summary>
    public void Answer(string path, Func<int, (int Status, string Body)> answer) => _answers[path] = answer;

    /// <summary>The JSON <paramref name="body"/> at <paramref name="path"/>, always.</summary>
    public void Serve(string path, string body) => Answer(path, _ => (200, body));

    /// <summary>How many requests <paramref name="path"/> had.</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public IReadOnlyCollection<string> Paths => [.. _hits.Keys];

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var n = _hits.AddOrUpdate(path, 1, (_, count) => count + 1);
        if (!_answers.TryGetValue(path, out var answer))
        {
            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        var (status, body) = answer(n);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
