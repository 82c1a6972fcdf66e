using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.GraphQL;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>The catalog's GraphQL reads, their batch loaders and read cache, and the subscribers' activity stream.</summary>
internal static class ReadingRegistration
{
    public static IHostApplicationBuilder AddCatalogReading(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CatalogReadOptions>(CatalogReadOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.AddSingleton<CatalogReadVersion>();
        services.AddSingleton<CatalogReadCache>();
        services.AddScoped<TokenQueries>();
        services.AddScoped<CollectionQueries>();
        builder.AddGraphQLContributor<CatalogGraphQL>();
        builder.AddGraphTypeExtension<UserTokensExtension>();
        builder.AddDataLoader<CollectionsByKey>();
        builder.AddDataLoader<StatsByCollection>();
        builder.AddDataLoader<TraitsByCollection>();
        builder.AddDataLoader<IndexStatusByCollection>();
        builder.AddDataLoader<TokensByKey>();
        builder.AddDataLoader<BalancePages>();
        builder.AddDataLoader<ActivityPages>();
        services.AddSingleton<INodeResolver, CollectionNodeResolver>();
        services.AddSingleton<INodeResolver, TokenNodeResolver>();

        // Subscribers and read caches learn of changes from the catalog's own domain events.
        new ModuleBuilder<CatalogDbContext>(builder)
            .Consume<ActivitiesRecorded, ActivityStreamOnActivitiesRecorded>(ActivityStreamOnActivitiesRecorded.Queue, ActivitiesRecorded.All)
            .Consume<CollectionUpserted, ReadVersionOnCollectionUpserted>(ReadVersionOnCollectionUpserted.Queue, CollectionUpserted.All);
        return builder;
    }
}
