using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class LimitsTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    // The introspection query GraphQL tools (GraphiQL, code generators) send, as graphql-js 16 writes it.
    private const string ToolIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxAliases"] = "3" });

        var allowed = await host.PostQueryAsync("{ a: serverTime b: serverTime c: serverTime }", accept: GraphQLResponse);
        var refused = await host.PostQueryAsync("{ a: serverTime b: serverTime c: serverTime d: serverTime }", accept: GraphQLResponse);

        Assert.Equal(200, allowed.Status);
        Assert.Equal((400, "BAD_USER_INPUT"), (refused.Status, refused.Code));
        Assert.Equal("TOO_MANY_ALIASES", refused.FirstError.GetProperty("extensions").GetProperty("graphqlCode").GetString());
    }

    [Fact]
    public async Task Too_deep_a_selection_is_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["GraphQL:MaxDepth"] = "3", ["GraphQL:EnableIntrospection"] = "true" });

        var allowed = await host.PostQueryAsync("{ __schema { queryType { name } } }", accept: GraphQLResponse);
        var refused = await host.PostQueryAsync("{ __schema { queryType { fields { name } } } }", accept: GraphQLResponse);

        Assert.Equal(200, allowed.Status);
        Assert.Equal((400, "BAD_USER_INPUT"), (refused.Status, refused.Code));
        Assert.Contains("nested", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_costly_an_operation_is_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxComplexity"] = "10" });
        var fields = string.Join(" ", Enumerable.Range(0, 11).Select(_ => "serverTime"));

        var refused = await host.PostQueryAsync($"{{ {fields} }}", accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (refused.Status, refused.Code));
        Assert.Contains("complex", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_is_off_outside_Development_unless_enabled()
    {
        await using var production = await GraphQLTestHost.StartAsync();
        await using var enabled = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "true" });
        await using var development = await GraphQLTestHost.StartAsync(environment: Environments.Development);
        await using var disabled = await GraphQLTestHost.StartAsync(
            new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" }, Environments.Development);
        const string Query = "{ __schema { queryType { name } } }";

        var refused = await production.PostQueryAsync(Query, accept: GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (refused.Status, refused.Code));
        Assert.Equal(200, (await enabled.PostQueryAsync(Query, accept: GraphQLResponse)).Status);
        Assert.Equal(200, (await development.PostQueryAsync(Query, accept: GraphQLResponse)).Status);
        Assert.Equal(400, (await disabled.PostQueryAsync(Query, accept: GraphQLResponse)).Status);
        Assert.Equal(200, (await production.PostQueryAsync("{ __typename }", accept: GraphQLResponse)).Status);
    }

    [Fact]
    public async Task The_introspection_query_of_GraphQL_tools_fits_the_default_limits()
    {
        await using var host = await GraphQLTestHost.StartAsync(environment: Environments.Development);

        var response = await host.PostQueryAsync(ToolIntrospectionQuery, accept: GraphQLResponse);

        Assert.Equal(200, response.Status);
        var types = response.Data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Superset(new HashSet<string?> { "Address", "ChainId", "Hex", "DateTime", "BigInt", "Query", "Mutation" }, types.ToHashSet());
    }

    [Fact]
    public async Task A_body_is_refused_as_soon_as_it_passes_the_limit_without_waiting_for_the_rest()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"query\":\"" + new string(' ', 2000)), TestContext.Current.CancellationToken);

        // The writer never completes: only refusing at the limit lets the read return.
        var read = CappedBody.ReadJsonAsync(pipe.Reader, contentLength: null, maxBytes: 1024, body => body, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => read.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(413, refused.StatusCode);
    }

    [Fact]
    public void A_body_in_many_segments_is_parsed_whole()
    {
        // "é" is split between two segments, as a socket read may split it.
        var body = Segments("{\"query\":\"caf"u8.ToArray(), [0xC3], [0xA9, (byte)'"', (byte)'}']);

        Assert.Equal("café", CappedBody.Read(body, json => json.GetProperty("query").GetString()));
    }

    [Fact]
    public void Invalid_UTF8_is_a_bad_request()
    {
        byte[] body = [.. "{\"query\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var refused = Assert.Throws<RequestRefusedException>(() =>
            CappedBody.Read(new ReadOnlySequence<byte>(body), json => json.GetProperty("query").GetString()));

        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("UTF-8", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_settings_name_their_key()
    {
        var options = new GraphQLOptions
        {
            MaxDepth = 1,
            MaxComplexity = 0,
            MaxAliases = -1,
            MaxRequestBytes = 10,
            ExecutionTimeout = TimeSpan.Zero,
            RateLimit = new GraphQLRateLimitOptions { PerIpPermits = 0, PerUserPermits = 0, Window = TimeSpan.Zero, MaxSocketsPerIp = 0 },
        };

        var problems = options.Validate().ToList();

        string[] keys =
        [
            "GraphQL:MaxDepth", "GraphQL:MaxComplexity", "GraphQL:MaxAliases", "GraphQL:MaxRequestBytes", "GraphQL:ExecutionTimeout",
            "GraphQL:RateLimit:PerIpPermits", "GraphQL:RateLimit:PerUserPermits", "GraphQL:RateLimit:Window",
            "GraphQL:RateLimit:MaxSocketsPerIp",
        ];
        Assert.Equal(keys, problems.Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Empty(new GraphQLOptions().Validate());
    }

    [Theory]
    [InlineData("GraphQL:MaxDepth", "0", "GraphQL:MaxDepth must be between")]
    [InlineData("GraphQL:ExecutionTimeout", "soon", "GraphQL")]
    public void A_bad_setting_stops_start_up_naming_the_key(string key, string value, string mentioned)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration[key] = value;

        var error = Assert.Throws<InvalidConfigurationException>(() => builder.AddGraphQLGateway());

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData(false, true, false)]
    public void Introspection_defaults_to_the_environment(bool? configured, bool isDevelopment, bool enabled) =>
        Assert.Equal(enabled, new GraphQLOptions { EnableIntrospection = configured }.IntrospectionEnabled(isDevelopment));

    private static ReadOnlySequence<byte> Segments(params byte[][] pieces)
    {
        var first = new Segment(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces.Skip(1))
        {
            last = last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
