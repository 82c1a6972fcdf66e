using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// A private PostgreSQL cluster in <c>&lt;data&gt;/postgres</c> run from the Debian server binaries, listening on
/// 127.0.0.1 and on a Unix socket inside the cluster directory. PostgreSQL refuses to run as root, so when the
/// AppHost is root the server runs as the <c>postgres</c> OS user through <c>setpriv</c>, which execs: DCP
/// supervises the postmaster itself and no intermediate process can be left behind.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PostgresProcess(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The OS user that owns the cluster when the AppHost runs as root (created by the Debian package).</summary>
    public const string ServiceUser = "postgres";

    private const string DebianPackage = "the Debian package postgresql-15 (or postgresql)";

    /// <summary>Superuser connection string without a database (Npgsql then uses the <c>postgres</c> database).</summary>
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;

    /// <summary>The cluster's data directory (also holds the Unix socket).</summary>
    public string ClusterDir { get; private init; } = "";

    public static IResourceBuilder<PostgresProcess> Add(ProcessStack stack, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);

        var binDir = stack.Options.PostgresBinDir ?? FindBinDir();
        var server = ProcessStack.RequireFile(Path.Combine(binDir, "postgres"), DebianPackage);
        var initdb = ProcessStack.RequireFile(Path.Combine(binDir, "initdb"), DebianPackage);
        var clusterDir = Path.Combine(stack.Options.DataDir, "postgres");
        var port = stack.Ports.Postgres;
        var credentials = stack.Credentials;

        // A Unix socket path is limited to 107 bytes; fall back to TCP-only rather than fail on deep checkouts.
        var socketDir = clusterDir.Length + 20 < 107 ? clusterDir : "";

        var password = stack.Builder.AddParameter($"{name}-password", credentials.PostgresPassword, secret: true);
        var connectionString = ReferenceExpression.Create(
            $"Host={ProcessStack.Loopback};Port={port.ToString(CultureInfo.InvariantCulture)};Username={credentials.PostgresUser};Password={password.Resource}");

        string[] serverArgs =
        [
            server,
            "-D", clusterDir,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-h", ProcessStack.Loopback,
            "-k", socketDir,
            "-c", "max_connections=200",
        ];

        var runAsServiceUser = Environment.IsPrivilegedProcess;
        var resource = new PostgresProcess(name, runAsServiceUser ? "setpriv" : server, stack.Options.DataDir, connectionString)
        {
            ClusterDir = clusterDir,
        };
        var args = runAsServiceUser ? [.. AsServiceUser(), .. serverArgs] : serverArgs[1..];
        var pgCtl = Path.Combine(binDir, "pg_ctl");
        StopSequence.Add(stack.Builder, StopSequence.InfrastructureOrder, name,
            (services, cancellationToken) => StopFastAsync(resource, pgCtl, runAsServiceUser, services, cancellationToken));

        var healthCheckKey = $"{name}_check";
        stack.Builder.Services.AddHealthChecks().AddNpgSql(
            // Pooling off: an idle pooled connection would hold up the server's shutdown.
            $"Host={ProcessStack.Loopback};Port={port};Username={credentials.PostgresUser};Password={credentials.PostgresPassword};Database=postgres;Pooling=false;Timeout=5",
            name: healthCheckKey);

        return stack.Builder.AddResource(resource)
            .WithArgs(args)
            .WithEndpoint(port: port, targetPort: port, name: "tcp", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((_, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                return PrepareClusterAsync(initdb, clusterDir, credentials, runAsServiceUser, logger, cancellationToken);
            });
    }

    /// <summary>
    /// DCP stops executables with SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for every client
    /// to disconnect (pooled connections never do). Ask for a fast shutdown instead, once the Host has stopped.
    /// </summary>
    private static async Task StopFastAsync(
        PostgresProcess resource, string pgCtl, bool runAsServiceUser, IServiceProvider services, CancellationToken cancellationToken)
    {
        var clusterDir = resource.ClusterDir;
        if (!File.Exists(Path.Combine(clusterDir, "postmaster.pid")))
        {
            return;
        }

        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
        string[] args = [pgCtl, "stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "15"];
        await (runAsServiceUser
            ? ProcessStack.RunAsync("setpriv", [.. AsServiceUser(), .. args], logger, cancellationToken)
            : ProcessStack.RunAsync(pgCtl, args[1..], logger, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the cluster on first start (scram-sha-256 for every connection, superuser password set). initdb
    /// writes into a staging directory that is renamed at the end, so an interrupted first start is simply retried.
    /// </summary>
    private static async Task PrepareClusterAsync(
        string initdb, string clusterDir, ProcessCredentials credentials, bool runAsServiceUser, ILogger logger, CancellationToken cancellationToken)
    {
        var dataDir = Path.GetDirectoryName(clusterDir)!;
        if (runAsServiceUser)
        {
            await EnsureServiceUserCanReachAsync(dataDir, logger, cancellationToken).ConfigureAwait(false);
        }

        if (File.Exists(Path.Combine(clusterDir, "PG_VERSION")))
        {
            return;
        }

        logger.LogInformation("Creating the PostgreSQL cluster in {ClusterDir}", clusterDir);
        var staging = clusterDir + ".initdb";
        var passwordFile = Path.Combine(dataDir, ".postgres-password");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        ProcessStack.WritePrivateFile(passwordFile, credentials.PostgresPassword);
        try
        {
            if (runAsServiceUser)
            {
                await ProcessStack.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", staging, passwordFile], logger, cancellationToken).ConfigureAwait(false);
            }

            string[] initdbArgs =
            [
                initdb,
                "-D", staging,
                "-U", credentials.PostgresUser,
                "--pwfile", passwordFile,
                "--auth", "scram-sha-256",
                "--encoding", "UTF8",
                "--locale", "C.UTF-8",
                "--no-sync",
            ];
            if (runAsServiceUser)
            {
                await ProcessStack.RunAsync("setpriv", [.. AsServiceUser(), .. initdbArgs], logger, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ProcessStack.RunAsync(initdb, initdbArgs[1..], logger, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        if (Directory.Exists(clusterDir))
        {
            Directory.Delete(clusterDir, recursive: true);
        }

        Directory.Move(staging, clusterDir);
    }

    /// <summary>The postgres user must be able to traverse every parent of the data dir (a 0700 home directory cannot).</summary>
    private static async Task EnsureServiceUserCanReachAsync(string dataDir, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessStack.RunAsync("setpriv", [.. AsServiceUser(), "test", "-x", dataDir], logger, cancellationToken).ConfigureAwait(false);
        }
        catch (DistributedApplicationException ex)
        {
            throw new DistributedApplicationException(
                $"The '{ServiceUser}' OS user cannot reach {dataDir}: make each parent directory searchable (chmod o+x) or point Stack:DataDir elsewhere.", ex);
        }
    }

    private static string[] AsServiceUser() =>
        [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--"];

    private static string FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.dir, "bin", "postgres")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => candidate.dir)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new DistributedApplicationException($"No PostgreSQL server under {root}: install {DebianPackage} (./nft run installs it).")
            : Path.Combine(newest, "bin");
    }
}
