using System.Diagnostics;
using System.Text.RegularExpressions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL;

/// <summary>
/// The npm graphql-http package's <c>auditServer</c> (every MUST, SHOULD and MAY of the GraphQL-over-HTTP
/// specification) run against the real Host process.
/// </summary>
public sealed partial class GraphQLHttpAuditTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private IsolatedEnvironment _environment = null!;

    public async ValueTask InitializeAsync() =>
        _environment = await IsolatedEnvironment.CreateAsync(
            infrastructure.PostgresConnectionString, infrastructure.RabbitMqUri, infrastructure.RabbitMqManagementUri);

    public ValueTask DisposeAsync() => _environment.DisposeAsync();

    [Fact]
    public async Task Every_graphql_over_http_audit_is_ok()
    {
        var configuration = _environment.HostEnvironment(infrastructure);
        // The audit's probes use __type; introspection is off by default outside Development.
        configuration["GraphQL__EnableIntrospection"] = "true";
        await using var host = HostProcess.Start(configuration);
        (await host.WaitUntilHealthyAsync()).Dispose();

        var (exitCode, output) = await RunAuditAsync(new Uri(host.BaseAddress, "graphql"));

        Assert.True(exitCode == 0, output);
        var counts = AuditSummary().Match(output);
        Assert.True(counts.Success, output);
        Assert.Equal(counts.Groups["total"].Value, counts.Groups["ok"].Value);
        TestContext.Current.SendDiagnosticMessage($"graphql-http: {counts.Value}");
    }

    private static async Task<(int ExitCode, string Output)> RunAuditAsync(Uri endpoint)
    {
        var auditDirectory = Path.Combine(RepositoryRoot(), "tests", "graphql-http");
        Assert.True(Directory.Exists(Path.Combine(auditDirectory, "node_modules")), "Run `npm ci` in tests/graphql-http (./nft test does).");
        var start = new ProcessStartInfo("node", ["--test", "audit.test.js"])
        {
            WorkingDirectory = auditDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GRAPHQL_URL"] = endpoint.ToString();
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (node.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    [GeneratedRegex(@"(?<ok>\d+)/(?<total>\d+) audits ok")]
    private static partial Regex AuditSummary();
}
