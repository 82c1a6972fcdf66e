using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.UnitTests.GraphQL.Relay;

public sealed class NodeCheckTests
{
    [Fact]
    public async Task A_node_type_that_node_cannot_fetch_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GraphQLTestHost.StartAsync(configure: builder => builder.AddGraphQLContributor<OrphanFields>()));

        Assert.Contains("Type 'Orphan' implements Node but node(id) cannot fetch it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_resolver_for_a_type_outside_the_schema_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GraphQLTestHost.StartAsync(configure: builder =>
            {
                builder.Services.AddSingleton<LibraryData>();
                builder.AddNode<BooksById>("Missing");
            }));

        Assert.Contains("'Missing', which is not an object type of the schema implementing Node", error.Message, StringComparison.Ordinal);
    }

    private sealed class OrphanFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots) => roots.Query.Field<OrphanType>("orphan").Resolve(_ => null);
    }

    public sealed record Orphan(int Id);

    public sealed class OrphanType : ObjectGraphType<Orphan>
    {
        public OrphanType()
        {
            Name = "Orphan";
            this.IsNode(o => o.Id);
        }
    }
}
