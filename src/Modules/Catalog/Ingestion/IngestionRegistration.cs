using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>The consumers that turn the indexer's facts into the chain-derived model, and the domain events they publish.</summary>
internal static class IngestionRegistration
{
    public static IHostApplicationBuilder AddCatalogIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DerivedState>();
        builder.Services.AddScoped<TransferFacts>();
        new ModuleBuilder<CatalogDbContext>(builder)
            .Publishes<CollectionUpserted>()
            .Publishes<MintsUpserted>()
            .Publishes<ActivitiesRecorded>()
            .Consume<CollectionsCreated, CollectionsOnCollectionsCreated>(CollectionsOnCollectionsCreated.Queue, CollectionsCreated.AllChains)
            .Consume<TokensMinted, TokensOnTokensMinted>(TokensOnTokensMinted.Queue, TokensMinted.AllChains)
            .Consume<TokensTransferred, TokensOnTokensTransferred>(TokensOnTokensTransferred.Queue, TokensTransferred.AllChains)
            .Consume<CollectionSettingsChanged, SettingsOnCollectionSettingsChanged>(SettingsOnCollectionSettingsChanged.Queue, CollectionSettingsChanged.AllChains)
            .Consume<EventsRetracted, RetractionsOnEventsRetracted>(RetractionsOnEventsRetracted.Queue, EventsRetracted.AllChains);
        return builder;
    }
}
