using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry;

/// <summary>The Registry module's one registration entry point, called by the Host.</summary>
public static class RegistryModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "registry";

    public static IHostApplicationBuilder AddRegistryModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<RegistryDbContext>(Schema);
        return builder;
    }
}
