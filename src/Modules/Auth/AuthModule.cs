using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth;

/// <summary>The Auth module's one registration entry point, called by the Host.</summary>
public static class AuthModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "auth";

    public static IHostApplicationBuilder AddAuthModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<AuthDbContext>(Schema);
        return builder;
    }
}
