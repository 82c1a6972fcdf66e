using GraphQL.Types;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// At start-up: every type implementing <c>Node</c> can be fetched by <c>node(id)</c>, and every registered node
/// resolver names such a type, so an id the schema hands out always leads back to its object.
/// </summary>
internal sealed class NodeCheck(ISchema schema, IEnumerable<INodeResolver> resolvers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schema.Initialize();
        var problems = Check(schema, resolvers);
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("The GraphQL schema's nodes are incomplete: " + string.Join(" ", problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static List<string> Check(ISchema schema, IEnumerable<INodeResolver> resolvers)
    {
        var problems = new List<string>();
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resolver in resolvers)
        {
            if (!resolved.Add(resolver.TypeName))
            {
                problems.Add($"Type '{resolver.TypeName}' has more than one node resolver.");
            }
            else if (!IsNode(schema.AllTypes[resolver.TypeName]))
            {
                problems.Add($"A node resolver is registered for '{resolver.TypeName}', which is not an object type of the schema implementing Node "
                    + "(call IsNode on its graph type, and return it from some field so it is part of the schema).");
            }
        }

        foreach (var type in schema.AllTypes.Where(IsNode).Where(t => !resolved.Contains(t.Name)))
        {
            problems.Add($"Type '{type.Name}' implements Node but node(id) cannot fetch it; register it with AddNode<TLoader>(\"{type.Name}\").");
        }

        return problems;
    }

    private static bool IsNode(IGraphType? type) =>
        type is IObjectGraphType objectType && objectType.ResolvedInterfaces.Any(i => i.Name == NodeGraphType.TypeName);
}
