using GraphQL.Types;
using NftMarketplace.GraphQL.Scalars;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// <c>Query.serverTime</c>: the schema's one built-in field, so it is valid before any module adds one. Clients
/// also use it to measure clock skew before they sign time-bound messages such as Sign-In with Ethereum.
/// </summary>
internal sealed class ServerTimeContributor(TimeProvider time) : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots) =>
        roots.Query.Field<NonNullGraphType<UtcDateTimeGraphType>>("serverTime")
            .Description("The server's current time (UTC).")
            .Resolve(_ => time.GetUtcNow());
}
