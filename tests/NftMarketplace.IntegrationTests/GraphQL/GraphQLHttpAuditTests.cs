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

        var (exitCode, output) = await NodeTests.RunAsync("graphql-http", new Dictionary<string, string>
        {
            ["GRAPHQL_URL"] = new Uri(host.BaseAddress, "graphql").ToString(),
        });

        Assert.True(exitCode == 0, output);
        var counts = AuditSummary().Match(output);
        Assert.True(counts.Success, output);
        Assert.Equal(counts.Groups["total"].Value, counts.Groups["ok"].Value);
        TestContext.Current.SendDiagnosticMessage($"graphql-http: {counts.Value}");
    }

    [GeneratedRegex(@"(?<ok>\d+)/(?<total>\d+) audits ok")]
    private static partial Regex AuditSummary();
}
