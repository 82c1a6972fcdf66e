using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// Fresh PostgreSQL, Redis, RabbitMQ and S3 servers of the bench alone, as the integration tests start them: the
/// AppHost in process mode without the Host, on free ports, with data under a temporary directory that disposing
/// removes. So the backfill runs on empty databases and never touches a stack from <c>./nft up</c>.
/// </summary>
internal sealed class BenchInfrastructure : IAsyncDisposable
{
    private static readonly string[] Servers = ["postgres", "redis", "rabbitmq", "storage"];

    private readonly DistributedApplication _app;
    private readonly DirectoryInfo _root;

    private BenchInfrastructure(DistributedApplication app, DirectoryInfo root, Dictionary<string, string> connectionStrings)
    {
        _app = app;
        _root = root;
        ConnectionStrings = connectionStrings;
    }

    /// <summary>The Host's connection strings but <c>chain</c>: <c>nftmarketplace</c>, <c>redis</c>, <c>rabbitmq</c>, <c>storage</c>.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    public static async Task<BenchInfrastructure> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("nftmp-bench-");
        // The postgres OS user (the server runs as it when the bench runs as root) must be able to enter the data dir.
        if (!OperatingSystem.IsWindows())
        {
            root.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        }

        var ports = FreePorts(9);
        string[] args =
        [
            "--Stack:Mode=process",
            "--Stack:IncludeHost=false",
            $"--Stack:DataDir={Path.Combine(root.FullName, "data")}",
            $"--Stack:StateDir={Path.Combine(root.FullName, "state")}",
            $"--Stack:Ports:Postgres={ports[0]}",
            $"--Stack:Ports:Redis={ports[1]}",
            $"--Stack:Ports:RabbitMq={ports[2]}",
            $"--Stack:Ports:RabbitMqDistribution={ports[3]}",
            $"--Stack:Ports:RabbitMqManagement={ports[4]}",
            $"--Stack:Ports:Epmd={ports[5]}",
            $"--Stack:Ports:Chain={ports[6]}",
            $"--Stack:Ports:Storage={ports[7]}",
            $"--Stack:Ports:Host={ports[8]}",
        ];

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NftMarketplace_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        // The servers' own output would bury the results; their logs are under the state directory.
        builder.Services.AddLogging(logging => logging.ClearProviders());
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            await Task.WhenAll(Servers.Select(name => notifications.WaitForResourceAsync(
                name, e => e.Snapshot.HealthStatus == HealthStatus.Healthy || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token)));
            var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["nftmarketplace"] = await ConnectionStringAsync(app, "postgres", timeout.Token) + ";Database=nftmarketplace",
                ["redis"] = await ConnectionStringAsync(app, "redis", timeout.Token),
                ["rabbitmq"] = await ConnectionStringAsync(app, "rabbitmq", timeout.Token),
                ["storage"] = await ConnectionStringAsync(app, "storage", timeout.Token),
            };
            return new BenchInfrastructure(app, root, connectionStrings);
        }
        catch
        {
            await app.StopAsync();
            await app.DisposeAsync();
            root.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing; the temp dir is cleaned up by the OS eventually.
        }
    }

    private static async Task<string> ConnectionStringAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        await app.GetConnectionStringAsync(resource, cancellationToken)
        ?? throw new InvalidOperationException($"The AppHost gave no connection string for '{resource}'.");

    /// <summary>Distinct ports nobody listens on right now (all held open at once so none repeats).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
