using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users;

/// <summary>The Users module's one registration entry point, called by the Host.</summary>
public static class UsersModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "users";

    public static IHostApplicationBuilder AddUsersModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<UsersDbContext>(Schema);
        return builder;
    }
}
