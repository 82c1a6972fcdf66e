using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Ingestion;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Persistence;
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
        builder.Services.AddScoped<DerivedState>();
        builder.Services.AddScoped<TransferFacts>();
        builder.AddModule<CatalogDbContext>(Schema)
            .Publishes<CollectionUpserted>()
            .Publishes<MintsUpserted>()
            .Publishes<ActivitiesRecorded>()
            .Consume<CollectionsCreated, CollectionsOnCollectionsCreated>(CollectionsOnCollectionsCreated.Queue, CollectionsCreated.AllChains)
            .Consume<TokensMinted, TokensOnTokensMinted>(TokensOnTokensMinted.Queue, TokensMinted.AllChains)
            .Consume<TokensTransferred, TokensOnTokensTransferred>(TokensOnTokensTransferred.Queue, TokensTransferred.AllChains)
            .Consume<CollectionSettingsChanged, SettingsOnCollectionSettingsChanged>(SettingsOnCollectionSettingsChanged.Queue, CollectionSettingsChanged.AllChains)
            .Consume<EventsRetracted, RetractionsOnEventsRetracted>(RetractionsOnEventsRetracted.Queue, EventsRetracted.AllChains);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCatalogMetadata();
        return builder;
    }
}
