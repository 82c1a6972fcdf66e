using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL;

/// <summary>The browser IDE, served by the real Host from local assets, driven in headless Chromium.</summary>
public sealed class GraphiQLBrowserTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    [Fact]
    public async Task GraphiQL_runs_a_query_in_a_browser_without_leaving_the_host()
    {
        // As in Development: the IDE reads the schema through introspection.
        await using var host = await StartHealthyHostAsync(c =>
        {
            c["GraphQL__Ui__Enabled"] = "true";
            c["GraphQL__EnableIntrospection"] = "true";
        });

        var (exitCode, output) = await NodeTests.RunAsync("graphiql", new Dictionary<string, string>
        {
            ["GRAPHIQL_URL"] = new Uri(host.BaseAddress, "graphql/ui/").ToString(),
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains("query ran in the browser", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphiQL_is_not_served_outside_development_unless_enabled()
    {
        await using var host = await StartHealthyHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync("graphql/ui/", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
