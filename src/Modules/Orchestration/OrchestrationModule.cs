using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Orchestration.Contracts;
using NftMarketplace.Modules.Orchestration.GraphQL;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Minting;
using NftMarketplace.Modules.Orchestration.Persistence;
using NftMarketplace.Modules.Orchestration.Readiness;
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
        services.AddScoped<IntentReadiness>();
        // Who may mint: the Catalog's indexed roles and supply, the chain for what it does not show yet.
        services.AddScoped<ChainCollectionMinters>();
        services.AddScoped<ICollectionMinters, CatalogCollectionMinters>();
        services.AddSingleton<ReceiptInspector>();
        services.AddHostedService<ReceiptWatcher>();

        builder.AddModule<OrchestrationDbContext>(Schema)
            .Publishes<IntentStatusChanged>()
            // A burst of mints (a block of them) must not become READY one consumer transaction after another: each
            // transaction's (or collection's) messages keep their order, the others are applied meanwhile.
            .ConsumeConcurrently<CollectionUpserted, ReadyOnCollectionUpserted>(
                ReadyOnCollectionUpserted.Queue, e => $"{e.ChainId} {e.Contract}", CollectionUpserted.All)
            .ConsumeConcurrently<MintsUpserted, ReadyOnMintsUpserted>(ReadyOnMintsUpserted.Queue, e => $"{e.ChainId} {e.TxHash}", MintsUpserted.All);

        builder.AddGraphQLContributor<OrchestrationGraphQL>();
        builder.AddDataLoader<IntentsById>();
        services.AddSingleton<INodeResolver, IntentNodeResolver>();
        return builder;
    }
}
