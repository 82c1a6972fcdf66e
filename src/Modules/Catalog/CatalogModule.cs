using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.GraphQL;
using NftMarketplace.Modules.Catalog.Ingestion;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Reading;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog;

/// <summary>The Catalog module's one registration entry point, called by the Host.</summary>
public static class CatalogModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "catalog";

    public static IHostApplicationBuilder AddCatalogModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<DerivedState>();
        services.AddScoped<TransferFacts>();
        builder.AddModule<CatalogDbContext>(Schema)
            // Ingestion: the indexer's facts become the chain-derived model; what it now shows goes out as domain events.
            .Publishes<CollectionUpserted>()
            .Publishes<MintsUpserted>()
            .Publishes<ActivitiesRecorded>()
            .Consume<CollectionsCreated, CollectionsOnCollectionsCreated>(CollectionsOnCollectionsCreated.Queue, CollectionsCreated.AllChains)
            .Consume<TokensMinted, TokensOnTokensMinted>(TokensOnTokensMinted.Queue, TokensMinted.AllChains)
            .Consume<TokensTransferred, TokensOnTokensTransferred>(TokensOnTokensTransferred.Queue, TokensTransferred.AllChains)
            .Consume<CollectionSettingsChanged, SettingsOnCollectionSettingsChanged>(SettingsOnCollectionSettingsChanged.Queue, CollectionSettingsChanged.AllChains)
            .Consume<EventsRetracted, RetractionsOnEventsRetracted>(RetractionsOnEventsRetracted.Queue, EventsRetracted.AllChains)
            // Reading: subscribers and read caches learn of changes from the catalog's own domain events.
            .Consume<ActivitiesRecorded, ActivityStreamOnActivitiesRecorded>(ActivityStreamOnActivitiesRecorded.Queue, ActivitiesRecorded.All)
            .Consume<CollectionUpserted, ReadVersionOnCollectionUpserted>(ReadVersionOnCollectionUpserted.Queue, CollectionUpserted.All);
        builder.AddValidatedOptions<MetadataFetchOptions>(MetadataFetchOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<CatalogReadOptions>(CatalogReadOptions.Section, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MetadataHttpClient>();

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
        return builder;
    }
}
