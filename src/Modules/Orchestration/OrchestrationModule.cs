using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Orchestration.Contracts;
using NftMarketplace.Modules.Orchestration.GraphQL;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Minting;
using NftMarketplace.Modules.Orchestration.Persistence;
using NftMarketplace.Modules.Orchestration.Tracking;
using NftMarketplace.Modules.Orchestration.Watching;

namespace NftMarketplace.Modules.Orchestration;

/// <summary>The Orchestration module's one registration entry point, called by the Host.</summary>
public static class OrchestrationModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "orchestration";

    public static IHostApplicationBuilder AddOrchestrationModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<IntentOptions>(IntentOptions.Section, options => options.Validate());
        var services = builder.Services;
        services.AddSingleton<IntentStatusCache>();
        services.AddSingleton<IntentChanges>();
        services.AddScoped<IntentChains>();
        services.AddScoped<TxRequestBuilder>();
        services.AddScoped<MintPreparation>();
        services.AddScoped<TxTracking>();
        // Who may mint: asked of the chain until the Catalog answers it from indexed roles (see ICollectionMinters).
        services.AddScoped<ICollectionMinters, ChainCollectionMinters>();
        services.AddSingleton<ReceiptInspector>();
        services.AddHostedService<ReceiptWatcher>();

        builder.AddModule<OrchestrationDbContext>(Schema)
            .Publishes<IntentStatusChanged>();

        builder.AddGraphQLContributor<OrchestrationGraphQL>();
        builder.AddDataLoader<IntentsById>();
        services.AddSingleton<INodeResolver, IntentNodeResolver>();
        return builder;
    }
}
