using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.GraphiQL;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Media.Serving;
using NftMarketplace.Modules.Orchestration;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.Composition;

/// <summary>
/// The platform, every module and the GraphQL gateway, and the request pipeline in front of them. Tests and the siwe
/// benchmark build the same service graph from here (e.g. the schema committed as <c>schema.graphql</c>), so what they
/// check cannot drift from what the Host runs.
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

    /// <summary>The Host's request pipeline and endpoints; the siwe benchmark serves the same.</summary>
    public static void UsePipeline(WebApplication app)
    {
        // First, so everything after it (rate limits, audit, /health) sees the client's address; only the proxies of
        // ForwardedHeaders:KnownProxies / KnownNetworks are believed.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGraphQLGateway();
        app.MapDefaultEndpoints(detailsRole: Roles.Admin);
        app.MapGraphiQL();
        app.MapMedia();
    }
}
