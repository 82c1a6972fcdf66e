using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.Hosting;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>
/// Documents that are small as text but costly to validate are refused before validation, documents nested past
/// the parser's limit are bad input, and validated documents are reused.
/// </summary>
public sealed class DocumentLimitsTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>Documents that took seconds to validate, each under the 100 KB body limit.</summary>
    public static TheoryData<string> CostlyDocuments => new()
    {
        "a chain of 1500 fragments",
        "1200 fragment spreads at the root",
        "7500 duplicate fields",
        "fragments that spread the previous one twice",
        "9000 tokens",
    };

    [Theory]
    [MemberData(nameof(CostlyDocuments))]
    public async Task A_document_too_costly_to_validate_is_refused_as_bad_input(string shape)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync(ProbeDocuments.Build(shape), accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Equal("DOCUMENT_TOO_LARGE", response.FirstError.GetProperty("extensions").GetProperty("graphqlCode").GetString());
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task The_limits_follow_the_settings()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["GraphQL:MaxFragments"] = "2",
            ["GraphQL:MaxSelections"] = "10",
            ["GraphQL:MaxTokens"] = "100",
        });

        var fragments = await host.PostQueryAsync(
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { serverTime }", accept: GraphQLResponse);
        var selections = await host.PostQueryAsync(Repeat("serverTime", 11), accept: GraphQLResponse);
        var tokens = await host.PostQueryAsync("{ serverTime" + string.Concat(Enumerable.Repeat(" __typename", 100)) + " }", accept: GraphQLResponse);
        var withinAll = await host.PostQueryAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { serverTime }", accept: GraphQLResponse);

        Assert.Contains("more than 2 fragments", Message(fragments), StringComparison.Ordinal);
        Assert.Contains("more than 10 fields", Message(selections), StringComparison.Ordinal);
        Assert.Contains("more than 100 tokens", Message(tokens), StringComparison.Ordinal);
        Assert.Equal(200, withinAll.Status);
    }

    [Fact]
    public async Task A_fragment_counts_wherever_it_is_spread()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxSelections"] = "12" });
        // 4 fields in the fragment, spread 3 times: 3 spreads + 12 fields = 15 selections, though the text has 7.
        var document = "{ ...F ...F ...F } fragment F on Query { a: serverTime b: serverTime c: serverTime d: serverTime }";

        var response = await host.PostQueryAsync(document, accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("70 nested inline fragments")]
    [InlineData("130 nested selections")]
    [InlineData("a list literal 130 deep")]
    [InlineData("an object literal 130 deep")]
    public async Task A_document_nested_past_the_parser_limit_is_bad_input_without_details(string shape)
    {
        // Development shows exception details for unexpected errors; this one must not be one.
        await using var host = await GraphQLTestHost.StartAsync(environment: Environments.Development);

        var response = await host.PostQueryAsync(ProbeDocuments.Build(shape), accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.False(response.FirstError.GetProperty("extensions").TryGetProperty("details", out _));
    }

    [Fact]
    public async Task A_document_just_inside_every_limit_is_validated_and_run()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var options = new GraphQLOptions();
        // As many fragments as allowed, in a chain, each adding one field.
        var fragments = options.MaxFragments;
        var document = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < fragments; i++)
        {
            document.Append(i + 1 < fragments ? $" fragment F{i} on Query {{ serverTime ...F{i + 1} }}" : $" fragment F{i} on Query {{ serverTime }}");
        }

        var response = await host.PostQueryAsync(document.ToString(), accept: GraphQLResponse);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task A_validated_document_is_reused_and_only_the_request_rules_run_again()
    {
        using var gate = new DocumentGate(new GraphQLOptions());
        var requestRule = new NoopRule();
        var seen = new List<ExecutionOptions>();
        ExecutionDelegate engine = options =>
        {
            seen.Add(options);
            return Task.FromResult(new ExecutionResult { Executed = true, Document = options.Document });
        };

        await gate.ExecuteAsync(Request(requestRule), engine);
        await gate.ExecuteAsync(Request(requestRule), engine);
        await gate.ExecuteAsync(Request(requestRule, "{ __typename }"), engine);

        Assert.Same(seen[0].Document, seen[1].Document);
        Assert.NotSame(seen[0].Document, seen[2].Document);
        Assert.Contains(DocumentValidator.CoreRules.First(), seen[0].ValidationRules!);
        Assert.Equal([requestRule], seen[1].ValidationRules!);
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_kept()
    {
        using var gate = new DocumentGate(new GraphQLOptions());
        var seen = new List<ExecutionOptions>();
        ExecutionDelegate engine = options =>
        {
            seen.Add(options);
            return Task.FromResult(new ExecutionResult { Executed = false, Document = options.Document });
        };

        await gate.ExecuteAsync(Request(new NoopRule()), engine);
        await gate.ExecuteAsync(Request(new NoopRule()), engine);

        Assert.NotSame(seen[0].Document, seen[1].Document);
    }

    private static ExecutionOptions Request(IValidationRule requestRule, string query = "{ serverTime }") => new()
    {
        Query = query,
        ValidationRules = DocumentValidator.CoreRules.Append(requestRule),
    };

    private static string Repeat(string field, int times) => "{ " + string.Join(" ", Enumerable.Repeat(field, times)) + " }";

    private static string? Message(TestResponse response) => response.FirstError.GetProperty("message").GetString();

    private sealed class NoopRule : ValidationRuleBase;
}

/// <summary>The documents of the outside probe, rebuilt from their description.</summary>
internal static class ProbeDocuments
{
    public static string Build(string shape) => shape switch
    {
        "a chain of 1500 fragments" => Chain(1_500),
        "1200 fragment spreads at the root" => RootSpreads(1_200),
        "7500 duplicate fields" => "{ " + string.Join(" ", Enumerable.Repeat("serverTime", 7_500)) + " }",
        "fragments that spread the previous one twice" => Doubling(40),
        "9000 tokens" => "{ " + string.Join(" ", Enumerable.Repeat("a", 9_000)) + " }",
        "70 nested inline fragments" => "{ " + Nest(70, "... on Query { ", "__typename", " }") + " }",
        "130 nested selections" => "{ " + Nest(130, "a { ", "b", " }") + " }",
        "a list literal 130 deep" => "{ echoHex(value: " + Nest(130, "[", "\"0x01\"", "]") + ") }",
        "an object literal 130 deep" => "{ echoHex(value: " + Nest(130, "{ a: ", "1", " }") + ") }",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    private static string Chain(int fragments)
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < fragments; i++)
        {
            text.Append(i + 1 < fragments ? $" fragment F{i} on Query {{ ...F{i + 1} }}" : $" fragment F{i} on Query {{ serverTime }}");
        }

        return text.ToString();
    }

    private static string RootSpreads(int spreads)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < spreads; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" ...Fragment{i:D4}");
        }

        text.Append(" }");
        for (var i = 0; i < spreads; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment Fragment{i:D4} on Query {{ serverTime }}");
        }

        return text.ToString();
    }

    private static string Doubling(int fragments)
    {
        var text = new StringBuilder($"{{ ...F{fragments - 1} }} fragment F0 on Query {{ serverTime }}");
        for (var i = 1; i < fragments; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ ...F{i - 1} ... on Query {{ ...F{i - 1} }} }}");
        }

        return text.ToString();
    }

    private static string Nest(int depth, string open, string inner, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
}
