using System.Text.Json;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>Fields, scalars and error codes as a client sees them through the endpoint.</summary>
public sealed class GatewayExecutionTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task The_built_in_field_answers_with_the_server_time()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("{ serverTime }");

        Assert.Equal(200, response.Status);
        var serverTime = DateTimeOffset.Parse(response.Data.GetProperty("serverTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(serverTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Scalars_are_parsed_from_literals_and_variables_and_shown_in_their_canonical_form()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync(
            """
            query($t: DateTime, $n: BigInt) {
              a: echoAddress(value: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
              c: echoChainId(value: "eip155:1")
              h: echoHex(value: "0xABCD")
              t: echoDateTime(value: $t)
              n: echoBigInt(value: $n)
            }
            """,
            new { t = "2024-05-01T14:00:00+02:00", n = "-123456789012345678901234567890" });

        Assert.Equal(200, response.Status);
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", response.Data.GetProperty("a").GetString());
        Assert.Equal("eip155:1", response.Data.GetProperty("c").GetString());
        Assert.Equal("0xabcd", response.Data.GetProperty("h").GetString());
        Assert.Equal("2024-05-01T12:00:00Z", response.Data.GetProperty("t").GetString());
        Assert.Equal("-123456789012345678901234567890", response.Data.GetProperty("n").GetString());
    }

    [Fact]
    public async Task A_bad_scalar_literal_is_bad_user_input_without_data()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""{ echoAddress(value: "0x1234") }""", accept: GraphQLResponse);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.False(response.HasData);
        Assert.Contains("expected 0x followed by 40 hex digits", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scalar_variable_is_bad_user_input_that_says_why()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("query($v: ChainId) { echoChainId(value: $v) }", new { v = "eip155:01" }, GraphQLResponse);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Contains("without leading zeros", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_exception_keeps_its_code_message_and_field()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""{ fail(kind: "notFound") }""", accept: GraphQLResponse);

        // A field error leaves data in place (null here), so the response is a partial success: 200.
        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("fail").ValueKind);
        Assert.Equal("NOT_FOUND", response.Code);
        Assert.Equal("No such collection.", response.FirstError.GetProperty("message").GetString());
        Assert.Equal("input.id", response.FirstError.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("fail", response.FirstError.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_with_a_generic_message_and_no_details()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""{ fail(kind: "boom") }""");

        Assert.Equal("INTERNAL", response.Code);
        Assert.Equal(ErrorClassifier.InternalMessage, response.FirstError.GetProperty("message").GetString());
        Assert.DoesNotContain("secret", response.Body.GetRawText(), StringComparison.Ordinal);
        Assert.False(response.FirstError.GetProperty("extensions").TryGetProperty("details", out _));
    }

    [Fact]
    public async Task Development_adds_the_exception_details_to_an_internal_error()
    {
        await using var host = await GraphQLTestHost.StartAsync(environment: "Development");

        var response = await host.PostQueryAsync("""{ fail(kind: "boom") }""");

        Assert.Equal("INTERNAL", response.Code);
        Assert.Contains("InvalidOperationException", response.FirstError.GetProperty("extensions").GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deliberate", "CONFLICT", "Already taken.")]
    [InlineData("foreign", "INTERNAL", "Engine says no.")]
    public async Task A_deliberate_execution_error_keeps_its_message_and_only_a_documented_code(string kind, string code, string message)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync($$"""{ fail(kind: "{{kind}}") }""");

        Assert.Equal(code, response.Code);
        Assert.Equal(message, response.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_mutation_takes_its_input_and_sends_it_through_the_mediator()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""mutation { greet(input: { name: "ada", times: 2 }) { text } }""");

        Assert.Equal(200, response.Status);
        Assert.Equal("hello ada hello ada", response.Data.GetProperty("greet").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Validation_failures_name_every_field_by_its_path_in_the_input()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""mutation { greet(input: { name: "", times: 9 }) { text } }""");

        Assert.Equal("BAD_USER_INPUT", response.Code);
        var extensions = response.FirstError.GetProperty("extensions");
        Assert.Equal("input.name", extensions.GetProperty("field").GetString());
        var fields = extensions.GetProperty("fields").EnumerateArray()
            .Select(f => (f.GetProperty("field").GetString(), f.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal([("input.name", "A name is required."), ("input.times", "Greet one to three times.")], fields);
    }

    [Fact]
    public async Task Validation_failures_of_a_field_without_input_name_its_arguments()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""{ greeting(name: "") { text } }""");

        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Equal("name", response.FirstError.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Parse_and_validation_errors_are_bad_user_input_and_keep_the_engine_code_apart()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var parse = await host.PostQueryAsync("{ serverTime", accept: GraphQLResponse);
        var validation = await host.PostQueryAsync("{ noSuchField }", accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (parse.Status, parse.Code));
        Assert.Equal("SYNTAX_ERROR", parse.FirstError.GetProperty("extensions").GetProperty("graphqlCode").GetString());
        Assert.Equal((400, "BAD_USER_INPUT"), (validation.Status, validation.Code));
        var extensions = validation.FirstError.GetProperty("extensions");
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", extensions.GetProperty("graphqlCode").GetString());
        Assert.Equal("5.3.1", extensions.GetProperty("specSection").GetString());
    }

    [Fact]
    public async Task Every_error_code_is_one_of_the_documented_set()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        string[] documented = ["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "INTERNAL"];
        string[] queries =
        [
            "{", "{ nope }", """{ fail(kind: "boom") }""", """{ fail(kind: "foreign") }""", "query($x: Int!) { serverTime }",
            """mutation { greet(input: { name: "", times: 0 }) { text } }""", "subscription { serverTime }",
        ];

        foreach (var query in queries)
        {
            var response = await host.PostQueryAsync(query);
            foreach (var error in response.Body.GetProperty("errors").EnumerateArray())
            {
                Assert.Contains(error.GetProperty("extensions").GetProperty("code").GetString(), documented);
            }
        }
    }

    [Fact]
    public async Task An_operation_past_its_time_limit_ends_with_an_error()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:ExecutionTimeout"] = "00:00:00.200" });

        var started = DateTime.UtcNow;
        var response = await host.PostQueryAsync("{ slow }", accept: GraphQLResponse);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Equal(504, response.Status);
        Assert.Equal("INTERNAL", response.Code);
        Assert.Equal(ErrorClassifier.TimeoutMessage, response.FirstError.GetProperty("message").GetString());
    }
}
