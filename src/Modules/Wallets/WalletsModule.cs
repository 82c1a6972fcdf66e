using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets;

/// <summary>The Wallets module's one registration entry point, called by the Host.</summary>
public static class WalletsModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "wallets";

    public static IHostApplicationBuilder AddWalletsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<WalletsDbContext>(Schema);
        return builder;
    }
}
