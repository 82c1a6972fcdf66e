using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Catalog.Ingestion;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog;

/// <summary>The Catalog module's one registration entry point, called by the Host; each feature registers its own parts.</summary>
public static class CatalogModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "catalog";

    public static IHostApplicationBuilder AddCatalogModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModule<CatalogDbContext>(Schema);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCatalogIngestion();
        builder.AddCatalogReading();
        builder.AddCatalogMetadata();
        return builder;
    }
}
