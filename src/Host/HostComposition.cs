using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.GraphiQL;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Orchestration;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.Composition;

/// <summary>
/// The platform, every module and the GraphQL gateway. Tests build the same service graph from here (e.g. the schema
/// committed as <c>schema.graphql</c>), so what they check cannot drift from what the Host runs.
/// </summary>
internal static class HostComposition
{
    public static void AddModules(IHostApplicationBuilder builder)
    {
        builder.AddPlatform();

        // The Host only composes: each module registers its own services, workers and schema.
        builder
            .AddAuthModule()
            .AddUsersModule()
            .AddWalletsModule()
            .AddRegistryModule()
            .AddOrchestrationModule()
            .AddIndexingModule()
            .AddCatalogModule()
            .AddMediaModule();
        builder.AddGraphQLGateway();
        builder.AddGraphiQL();
    }
}
