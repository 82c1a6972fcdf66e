using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Auth.Contracts;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Wallets.Approvals;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.GraphQL;
using NftMarketplace.Modules.Wallets.Persistence;
using NftMarketplace.Modules.Wallets.SignIns;

namespace NftMarketplace.Modules.Wallets;

/// <summary>The Wallets module's one registration entry point, called by the Host.</summary>
public static class WalletsModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "wallets";

    public static IHostApplicationBuilder AddWalletsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ApprovalsCache>();

        builder.AddModule<WalletsDbContext>(Schema)
            .Publishes<WalletLinked>()
            .Publishes<PrimaryWalletChanged>()
            .Publishes<WalletUnlinked>()
            .Consume<UserLoggedIn, LastSeenOnSignIn>(LastSeenOnSignIn.Queue, UserLoggedIn.Key)
            .Consume<ApprovalsChanged, ApprovalsOnApprovalsChanged>(ApprovalsOnApprovalsChanged.Queue, ApprovalsChanged.AllChains)
            .Consume<EventsRetracted, ApprovalsOnEventsRetracted>(ApprovalsOnEventsRetracted.Queue, EventsRetracted.AllChains);

        builder.AddGraphQLContributor<WalletsGraphQL>();
        builder.AddGraphTypeExtension<UserWalletsExtension>();
        builder.AddNode<WalletsById>(WalletType.TypeName);
        builder.AddDataLoader<WalletsByUser>();
        return builder;
    }
}
