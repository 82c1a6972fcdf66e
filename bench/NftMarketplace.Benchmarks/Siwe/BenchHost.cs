using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using NftMarketplace.Composition;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// The Host's composition and pipeline (<see cref="HostComposition"/>, as <c>src/Host/Program.cs</c> uses it) served by
/// Kestrel on a free loopback port of this process, on the running stack's servers: a second replica next to the
/// stack's Host, configured so that one machine-local client is not throttled.
/// </summary>
/// <remarks>
/// Not the stack's Host itself: its per-IP limits (30 nonces a minute) would make a throughput measurement one of
/// the rate limiter. The database is the stack's, shared with development; every sign-in uses a fresh key, so the
/// bench only adds users and never touches existing ones.
/// </remarks>
internal sealed class BenchHost : IAsyncDisposable
{
    private const string Unlimited = "1000000";

    private readonly WebApplication _app;

    private BenchHost(WebApplication app, HostLog log, Uri graphQL)
    {
        _app = app;
        Log = log;
        GraphQL = graphQL;
    }

    public Uri GraphQL { get; }

    public HostLog Log { get; }

    /// <summary>The composition's services (its data source, to compare with hand-written SQL on the same pool settings).</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="logFile">Where the host logs (warnings and errors).</param>
    /// <exception cref="InvalidOperationException">The composition does not start against the stack.</exception>
    /// <param name="extra">Settings of this bench beyond the composition's own (e.g. a cache switched off).</param>
    public static async Task<BenchHost> StartAsync(StackEndpoints stack, string logFile, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var log = new HostLog(logFile);
        try
        {
            var app = Build(stack, log, extra);
            try
            {
                await app.StartAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new BenchHost(app, log, new Uri(new Uri(address + "/"), "graphql"));
        }
        catch (Exception ex)
        {
            log.Dispose();
            throw new InvalidOperationException($"the Host's composition did not start against the stack: {ex.Message} (log: {log.Path})", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        // Not the container's: it was handed in as an instance, so the host leaves it open.
        Log.Dispose();
    }

    /// <summary>As <c>src/Host/Program.cs</c> builds the Host, but on a free loopback port and logging to <paramref name="log"/>.</summary>
    private static WebApplication Build(StackEndpoints stack, HostLog log, IReadOnlyDictionary<string, string?>? extra)
    {
        // Development, as the stack's Host runs: localhost:3000 may sign in and eip155:31337 is registered.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(stack));
        builder.Configuration.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddProvider(log);

        builder.Services.AddProblemDetails();
        builder.AddServiceDefaults();
        HostComposition.AddModules(builder);

        var app = builder.Build();
        HostComposition.UsePipeline(app);
        return app;
    }

    private static Dictionary<string, string?> Settings(StackEndpoints stack)
    {
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var settings = new Dictionary<string, string?>
        {
            // A key of this run only: nothing is written to disk, and its tokens mean nothing to the stack's Host.
            ["Auth:Signing:PrivateKey"] = signingKey.ExportPkcs8PrivateKeyPem(),
            ["Auth:Siwe:AllowedDomains:0"] = SignedSiweMessage.Domain,
            ["Auth:Siwe:NoncesPerIpPerMinute"] = Unlimited,
            ["Auth:Siwe:NoncesPerAccountPerMinute"] = Unlimited,
            // Nonces are issued before the measurement starts; on a busy machine the default five minutes could run out.
            ["Auth:Siwe:NonceLifetime"] = SignedSiweMessage.ValidFor.ToString("c", CultureInfo.InvariantCulture),
            ["GraphQL:RateLimit:PerIpPermits"] = Unlimited,
            // The stack's Host has deployed and registered the dev chain; a second bootstrap would only repeat it.
            ["Registry:DevChain:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in stack.ConnectionStrings)
        {
            settings["ConnectionStrings:" + name] = value;
        }

        return settings;
    }
}
