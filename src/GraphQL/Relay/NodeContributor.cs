using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.GraphQL.Relay;

/// <summary><c>Query.node(id)</c> and <c>Query.nodes(ids)</c>, answered by the modules' <see cref="INodeResolver"/>s.</summary>
internal sealed class NodeContributor(IEnumerable<INodeResolver> resolvers) : IGraphQLContributor
{
    public const int MaxIds = 100;

    private readonly Dictionary<string, INodeResolver> _resolvers =
        resolvers.GroupBy(r => r.TypeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public void Contribute(GraphQLRoots roots)
    {
        roots.Query.Field<NodeGraphType>("node")
            .Description("The object with this global id, or null when there is none (any more).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => Resolve(context, context.GetArgument<string>("id"), "id"));

        roots.Query.Field<NonNullGraphType<ListGraphType<NodeGraphType>>>("nodes")
            .Description($"The objects with these global ids, in their order (null where there is none); at most {MaxIds}.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new BadInputException($"Ask for at most {MaxIds} ids at once (got {ids.Count}).", "ids");
                }

                var loads = ids.Select((id, i) => Resolve(context, id, string.Create(CultureInfo.InvariantCulture, $"ids[{i}]"))).ToList();
                return DataLoaderResult.All(loads);
            });
    }

    private IDataLoaderResult<object?> Resolve(IResolveFieldContext context, string id, string argument)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var localId))
        {
            throw new BadInputException($"'{argument}' is not an id this server issued.", argument);
        }

        return _resolvers.TryGetValue(typeName, out var resolver) && resolver.Resolve(context, localId) is { } load
            ? load
            : DataLoaderResult.FromValue<object?>(null);
    }
}
