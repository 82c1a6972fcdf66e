using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Catalog.Metadata.Fetching;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Traits;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>The metadata worker (its consumers, fetcher and options) and the traits and rarity recompute.</summary>
internal static class MetadataRegistration
{
    public static IHostApplicationBuilder AddCatalogMetadata(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MetadataFetchOptions>(MetadataFetchOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<MetadataWorkerOptions>(MetadataWorkerOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<TraitsRecomputeOptions>(TraitsRecomputeOptions.Section, o => o.Validate());

        var services = builder.Services;
        services.AddSingleton<MetadataHttpClient>();
        services.AddSingleton<MetadataFetchSignal>();
        services.AddSingleton<TokenUriReader>();
        services.AddSingleton<DocumentResolver>();
        services.AddScoped<MetadataQueue>();
        services.AddScoped<MetadataDocuments>();
        services.AddScoped<CollectionRecompute>();
        services.AddHostedService<MetadataFetcher>();
        services.AddHostedService<TraitsRecomputeWorker>();

        // Queues of their own: fetching never waits behind the catalog's other consumers, nor they behind it.
        new ModuleBuilder<CatalogDbContext>(builder)
            .Consume<TokensMinted, MetadataDueOnTokensMinted>(MetadataDueOnTokensMinted.Queue, TokensMinted.AllChains)
            .Consume<MetadataChanged, MetadataDueOnMetadataChanged>(MetadataDueOnMetadataChanged.Queue, MetadataChanged.AllChains)
            .Consume<CollectionsCreated, CollectionMetadataDueOnCollectionsCreated>(
                CollectionMetadataDueOnCollectionsCreated.Queue, CollectionsCreated.AllChains);
        return builder;
    }
}
