using GraphQL.Types;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// Builds the schema while the Host starts, so a module whose fields clash or break the conventions stops
/// start-up with the reason, and the first request does not pay for the build. So does a type extension that
/// does not reach its type (see <see cref="IGraphTypeExtension"/>).
/// </summary>
internal sealed class SchemaCheck(ISchema schema, IEnumerable<IGraphTypeExtension> extensions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schema.Initialize();
        var problems = GraphQLConventions.Check(schema).Concat(GraphTypeExtensionRegistration.Check(schema, extensions)).ToList();
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("The GraphQL schema breaks its conventions: " + string.Join(" ", problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
