using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NftMarketplace.Benchmarks.Siwe;
using NftMarketplace.Composition;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// The Host's composition and pipeline (<see cref="HostComposition"/>, as <c>src/Host/Program.cs</c> uses it) in this
/// process on a free loopback port, on the bench's own servers and chain, with the product's default settings of the
/// indexer (only the chain client's time-outs are longer): what a fresh deployment would do with the workload. A bench
/// case may change settings of its own (<c>overrides</c>).
/// </summary>
internal sealed class IndexerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IndexerHost(WebApplication app, HostLog log)
    {
        _app = app;
        Log = log;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The Host's own address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public HostLog Log { get; }

    public static async Task<IndexerHost> StartAsync(
        IReadOnlyDictionary<string, string> connectionStrings, Uri chain, string logFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var log = new HostLog(logFile);
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:chain"] = chain.ToString(),
            ["Auth:Signing:PrivateKey"] = signingKey.ExportPkcs8PrivateKeyPem(),
            // The chain is registered by the bench with the workload's node as its endpoint, not deployed to.
            ["Registry:DevChain:Enabled"] = "false",
            ["Registry:GasPolicy:Interval"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NftMarketplace.Modules.Indexing"] = "Information",
            // Answers of thousands of logs take longer than the default 2 s attempt on a busy machine; timed out, they
            // would open the endpoint's circuit and measure the breaker instead of the backfill.
            ["ChainRpc:AttemptTimeout"] = "00:00:15",
            ["ChainRpc:Budget"] = "00:01:00",
        };
        foreach (var (name, value) in connectionStrings)
        {
            settings["ConnectionStrings:" + name] = value;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(log);
        builder.Services.AddProblemDetails();
        builder.AddServiceDefaults();
        HostComposition.AddModules(builder);

        var app = builder.Build();
        HostComposition.UsePipeline(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            log.Dispose();
            throw;
        }

        return new IndexerHost(app, log);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        Log.Dispose();
    }
}
