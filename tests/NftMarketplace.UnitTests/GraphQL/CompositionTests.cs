using System.Numerics;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class CompositionTests
{
    [Fact]
    public async Task A_module_breaking_the_conventions_stops_start_up_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GraphQLTestHost.StartAsync(configure: builder => builder.AddGraphQLContributor<BadMutationFields>()));

        Assert.Contains("Mutation 'renameCollection' must take no argument or exactly one, 'input: RenameCollectionInput!'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_registered_twice_adds_its_fields_once()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: builder => builder.AddGraphQLContributor<TestFields>());

        Assert.Single(host.Services.GetServices<IGraphQLContributor>().OfType<TestFields>());
    }

    [Fact]
    public async Task Unexpected_failures_are_logged_with_their_exception_and_refusals_are_not()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await GraphQLTestHost.StartAsync(configure: builder => builder.Services.AddSingleton<ILoggerProvider>(logs));

        await host.PostQueryAsync("""{ fail(kind: "boom") }""");
        await host.PostQueryAsync("""{ fail(kind: "notFound") }""");

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("fail", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_of_platform_CLR_types_get_the_platform_scalars()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: builder => builder.AddGraphQLContributor<InferredFields>());

        var response = await host.PostQueryAsync("{ owner tokenId mintedAt }");

        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", response.Data.GetProperty("owner").GetString());
        Assert.Equal("5", response.Data.GetProperty("tokenId").GetString());
        Assert.Equal("2024-01-01T00:00:00Z", response.Data.GetProperty("mintedAt").GetString());
    }

    private sealed class InferredFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots)
        {
            roots.Query.Field<Address>("owner").Resolve(_ => Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
            roots.Query.Field<BigInteger>("tokenId").Resolve(_ => new BigInteger(5));
            roots.Query.Field<DateTime>("mintedAt").Resolve(_ => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }

    private sealed class BadMutationFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots) =>
            roots.Mutation.Field<StringGraphType>("renameCollection")
                .Argument<NonNullGraphType<StringGraphType>>("name")
                .Resolve(_ => "renamed");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(List<(LogLevel, string, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (entries)
                {
                    entries.Add((logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
