using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media;

/// <summary>The Media module's one registration entry point, called by the Host.</summary>
public static class MediaModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "media";

    public static IHostApplicationBuilder AddMediaModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<MediaDbContext>(Schema);
        return builder;
    }
}
