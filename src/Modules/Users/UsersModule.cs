using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Users.GraphQL;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Users.PrimaryWallet;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Users;

/// <summary>The Users module's one registration entry point, called by the Host.</summary>
public static class UsersModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "users";

    public static IHostApplicationBuilder AddUsersModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModule<UsersDbContext>(Schema)
            .Publishes<Contracts.UserCreated>()
            .Consume<WalletLinked, PrimaryAddressOnWalletLinked>(PrimaryAddressOnWalletLinked.Queue, WalletLinked.Key)
            .Consume<PrimaryWalletChanged, PrimaryAddressOnPrimaryWalletChanged>(PrimaryAddressOnPrimaryWalletChanged.Queue, PrimaryWalletChanged.Key);
        builder.AddGraphQLContributor<UsersGraphQL>();
        builder.AddNode<UsersById>(Contracts.UserDto.GraphQLTypeName);
        builder.AddDataLoader<ProfilesByUser>();
        return builder;
    }
}
