using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Indexing.Persistence;

namespace NftMarketplace.Modules.Indexing;

/// <summary>The Indexing module's one registration entry point, called by the Host.</summary>
public static class IndexingModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "indexing";

    public static IHostApplicationBuilder AddIndexingModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<IndexingDbContext>(Schema);
        return builder;
    }
}
