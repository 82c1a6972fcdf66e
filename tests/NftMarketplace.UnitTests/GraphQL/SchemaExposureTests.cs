using Microsoft.Extensions.Hosting;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>What errors reveal of the schema, and introspection's edge cases.</summary>
public sealed class SchemaExposureTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Unknown_names_get_no_suggestions_where_introspection_is_off()
    {
        await using var production = await GraphQLTestHost.StartAsync();
        await using var disabled = await GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" }, Environments.Development);

        foreach (var host in new[] { production, disabled })
        {
            var field = await host.PostQueryAsync("{ serverTim }", accept: GraphQLResponse);
            var argument = await host.PostQueryAsync("{ echoHex(valu: \"0x01\") }", accept: GraphQLResponse);
            var type = await host.PostQueryAsync("query($v: Hexx) { echoHex(value: $v) }", accept: GraphQLResponse);

            Assert.Equal((400, "BAD_USER_INPUT"), (field.Status, field.Code));
            Assert.Equal("Cannot query field 'serverTim' on type 'Query'.", Message(field));
            Assert.DoesNotContain("Did you mean", Message(argument), StringComparison.Ordinal);
            Assert.DoesNotContain("Did you mean", Message(type), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_names_get_suggestions_where_introspection_is_on()
    {
        await using var development = await GraphQLTestHost.StartAsync(environment: Environments.Development);

        var field = await development.PostQueryAsync("{ serverTim }", accept: GraphQLResponse);

        Assert.Contains("Did you mean 'serverTime'?", Message(field), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ __type(name: "") { name } }""", null)]
    [InlineData("""query($n: String!) { __type(name: $n) { name } }""", "")]
    public async Task An_empty_type_name_is_bad_input(string query, string? name)
    {
        await using var host = await GraphQLTestHost.StartAsync(environment: Environments.Development);

        var response = await host.PostQueryAsync(query, name is null ? null : new { n = name }, GraphQLResponse);

        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.False(response.FirstError.GetProperty("extensions").TryGetProperty("details", out _));
    }

    [Fact]
    public async Task A_known_and_an_unknown_type_name_are_answered()
    {
        await using var host = await GraphQLTestHost.StartAsync(environment: Environments.Development);

        var response = await host.PostQueryAsync("""{ known: __type(name: "Query") { name } unknown: __type(name: "Nope") { name } }""", accept: GraphQLResponse);

        Assert.Equal(200, response.Status);
        Assert.Equal("Query", response.Data.GetProperty("known").GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.GetProperty("unknown").ValueKind);
    }

    private static string? Message(TestResponse response) => response.FirstError.GetProperty("message").GetString();
}
