using GraphQL.Types;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// The three root types of the one schema. Modules add their fields here through an
/// <see cref="IGraphQLContributor"/>; a root left without fields is left out of the schema.
/// </summary>
public sealed class GraphQLRoots
{
    internal GraphQLRoots()
    {
    }

    public ObjectGraphType Query { get; } = new() { Name = "Query" };

    public ObjectGraphType Mutation { get; } = new() { Name = "Mutation" };

    public ObjectGraphType Subscription { get; } = new() { Name = "Subscription" };
}
