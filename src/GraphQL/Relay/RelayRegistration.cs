using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.GraphQL.Relay;

internal static class RelayRegistration
{
    /// <summary><c>node</c>/<c>nodes</c>, the generic connection types the schema builds per node type, and the start-up check.</summary>
    public static void AddRelay(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLContributor, NodeContributor>());
        services.TryAddTransient(typeof(ConnectionGraphType<>));
        services.TryAddTransient(typeof(EdgeGraphType<>));
        services.AddHostedService<NodeCheck>();
    }
}
