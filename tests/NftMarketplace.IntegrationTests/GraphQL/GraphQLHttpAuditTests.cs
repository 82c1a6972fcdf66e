using System.Text.RegularExpressions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL;

/// <summary>
/// The npm graphql-http package's <c>auditServer</c> (every MUST, SHOULD and MAY of the GraphQL-over-HTTP
/// specification) run against the real Host process.
/// </summary>
public sealed partial class GraphQLHttpAuditTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    [Fact]
    public async Task Every_graphql_over_http_audit_is_ok()
    {
        // The audit's probes use __type; introspection is off by default outside Development.
        await using var host = await StartHealthyHostAsync(c => c["GraphQL__EnableIntrospection"] = "true");

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
