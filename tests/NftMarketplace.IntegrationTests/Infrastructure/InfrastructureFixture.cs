using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

[assembly: AssemblyFixture(typeof(NftMarketplace.IntegrationTests.Infrastructure.InfrastructureFixture))]

namespace NftMarketplace.IntegrationTests.Infrastructure;

/// <summary>
/// The real infrastructure (PostgreSQL, Redis, RabbitMQ, Anvil, S3), started once per test run through the AppHost
/// in process mode without the Host: fresh data and state directories under the temp dir and free ports, so it
/// runs beside a stack from <c>./nft up</c>. Disposing it stops every process it started, whatever the tests did;
/// if the test process dies instead, DCP (which watches it) stops them.
/// Tests take isolation from here (a database, vhost or key prefix of their own), never another server.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The five servers the Host depends on; the AppHost's resource names.</summary>
    private static readonly string[] Servers = ["postgres", "redis", "rabbitmq", "chain", "storage"];

    private DistributedApplication? _app;
    private DirectoryInfo? _root;

    /// <summary>Superuser connection to the <c>postgres</c> database; may create databases.</summary>
    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>StackExchange.Redis configuration string (with password).</summary>
    public string RedisConnectionString { get; private set; } = "";

    /// <summary>AMQP URI of the default virtual host, user with the administrator tag.</summary>
    public Uri RabbitMqUri { get; private set; } = null!;

    /// <summary>Base URI of the RabbitMQ management HTTP API (log in with <see cref="RabbitMqCredentials"/>).</summary>
    public Uri RabbitMqManagementUri { get; private set; } = null!;

    /// <summary>The RabbitMQ user of <see cref="RabbitMqUri"/>: full permissions on <c>/</c>, may create virtual hosts.</summary>
    public NetworkCredential RabbitMqCredentials { get; private set; } = null!;

    /// <summary>HTTP JSON-RPC URL of the Anvil node (chain id 31337).</summary>
    public Uri ChainRpcUri { get; private set; } = null!;

    /// <summary><c>Endpoint=...;AccessKey=...;SecretKey=...;Bucket=media</c>.</summary>
    public string StorageConnectionString { get; private set; } = "";

    /// <summary>The bucket named in <see cref="StorageConnectionString"/>; shared by every test, so never assume it empty.</summary>
    public string StorageBucket => StorageSettings()["Bucket"];

    /// <summary>An S3 client for <see cref="StorageConnectionString"/>, configured as the application's own.</summary>
    public AmazonS3Client CreateStorageClient()
    {
        var settings = StorageSettings();
        return new AmazonS3Client(
            new BasicAWSCredentials(settings["AccessKey"], settings["SecretKey"]),
            new AmazonS3Config
            {
                ServiceURL = settings["Endpoint"],
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                // s3rver does not understand the flexible-checksum trailers.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }

    /// <summary>
    /// The process id of the RabbitMQ server (the Erlang VM: the start script execs it), for tests that freeze the
    /// broker. DCP reports it on the resource.
    /// </summary>
    public async Task<int> RabbitMqProcessIdAsync()
    {
        var app = _app ?? throw new InvalidOperationException("The fixture is not initialized.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var resourceEvent = await app.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceAsync(
            "rabbitmq", e => ProcessIdOf(e.Snapshot) is not null, timeout.Token);
        return ProcessIdOf(resourceEvent.Snapshot)!.Value;
    }

    private static int? ProcessIdOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid when pid > 0 => pid,
            long pid when pid > 0 => (int)pid,
            string text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 0 => pid,
            _ => null,
        };

    private Dictionary<string, string> StorageSettings() =>
        StorageConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where the AppHost writes <c>resources.json</c> and <c>logs/&lt;resource&gt;.log</c> for this run. Set
    /// <c>NFT_KEEP_TEST_INFRASTRUCTURE=1</c> to keep it (and the data) after the run.
    /// </summary>
    public string StateDirectory => Path.Combine(Root.FullName, "state");

    private DirectoryInfo Root => _root ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("nftmp-it-");
        // The postgres OS user (the server runs as it when tests run as root) must be able to enter the data dir.
        if (!OperatingSystem.IsWindows())
        {
            _root.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        }

        var ports = FreePorts(9);
        var managementPort = ports[4];
        string[] args =
        [
            "--Stack:Mode=process",
            "--Stack:IncludeHost=false",
            $"--Stack:DataDir={Path.Combine(_root.FullName, "data")}",
            $"--Stack:StateDir={StateDirectory}",
            $"--Stack:Ports:Postgres={ports[0]}",
            $"--Stack:Ports:Redis={ports[1]}",
            $"--Stack:Ports:RabbitMq={ports[2]}",
            $"--Stack:Ports:RabbitMqDistribution={ports[3]}",
            $"--Stack:Ports:RabbitMqManagement={managementPort}",
            $"--Stack:Ports:Epmd={ports[5]}",
            $"--Stack:Ports:Chain={ports[6]}",
            $"--Stack:Ports:Storage={ports[7]}",
            $"--Stack:Ports:Host={ports[8]}",
        ];

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NftMarketplace_AppHost>(
                args, (options, _) => options.DisableDashboard = true, timeout.Token);
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            await WaitUntilHealthyAsync(_app, timeout.Token);

            PostgresConnectionString = await ConnectionStringAsync("postgres", timeout.Token) + ";Database=postgres";
            RedisConnectionString = await ConnectionStringAsync("redis", timeout.Token);
            RabbitMqUri = new Uri(await ConnectionStringAsync("rabbitmq", timeout.Token));
            RabbitMqManagementUri = new Uri($"http://127.0.0.1:{managementPort}/");
            var userInfo = RabbitMqUri.UserInfo.Split(':', 2);
            RabbitMqCredentials = new NetworkCredential(Uri.UnescapeDataString(userInfo[0]), Uri.UnescapeDataString(userInfo[1]));
            ChainRpcUri = new Uri(await ConnectionStringAsync("chain", timeout.Token));
            StorageConnectionString = await ConnectionStringAsync("storage", timeout.Token);
        }
        catch (Exception ex)
        {
            var report = DescribeResources();
            await DisposeAsync();
            throw new InvalidOperationException($"The test infrastructure did not start: {ex.Message}{Environment.NewLine}{report}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            // Stops the resources (PostgreSQL with a fast shutdown) and waits for DCP to end them.
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        if (_root is not null && Environment.GetEnvironmentVariable("NFT_KEEP_TEST_INFRASTRUCTURE") is null)
        {
            try
            {
                _root.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A server still flushing; the temp dir is cleaned up by the OS eventually.
            }
        }
    }

    private async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken) =>
        await _app!.GetConnectionStringAsync(resource, cancellationToken)
        ?? throw new InvalidOperationException($"The AppHost gave no connection string for '{resource}'.");

    /// <summary>Healthy, or fails fast when a server exits instead of waiting for the time-out.</summary>
    private static async Task WaitUntilHealthyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        await Task.WhenAll(Servers.Select(async name =>
        {
            var resourceEvent = await notifications.WaitForResourceAsync(
                name,
                e => e.Snapshot.HealthStatus == HealthStatus.Healthy || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text),
                cancellationToken);
            if (resourceEvent.Snapshot.HealthStatus != HealthStatus.Healthy)
            {
                throw new InvalidOperationException($"'{name}' ended in state {resourceEvent.Snapshot.State?.Text} (exit code {resourceEvent.Snapshot.ExitCode}).");
            }
        }));
    }

    /// <summary>State of each resource and the end of its log, from what the AppHost wrote to the state dir.</summary>
    private string DescribeResources()
    {
        if (_root is null)
        {
            return "";
        }

        var report = new StringBuilder();
        var resources = Path.Combine(StateDirectory, "resources.json");
        if (File.Exists(resources))
        {
            report.AppendLine(File.ReadAllText(resources));
        }

        var logs = Path.Combine(StateDirectory, "logs");
        if (Directory.Exists(logs))
        {
            foreach (var log in Directory.GetFiles(logs, "*.log").Order(StringComparer.Ordinal))
            {
                report.Append("--- ").Append(log).AppendLine(" (last lines)");
                foreach (var line in File.ReadLines(log).TakeLast(15))
                {
                    report.AppendLine(line);
                }
            }
        }

        return report.ToString();
    }

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
