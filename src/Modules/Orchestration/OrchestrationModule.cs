using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Orchestration.Contracts;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration;

/// <summary>The Orchestration module's one registration entry point, called by the Host.</summary>
public static class OrchestrationModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "orchestration";

    public static IHostApplicationBuilder AddOrchestrationModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IntentStatusCache>();
        services.AddSingleton<IntentChanges>();

        builder.AddModule<OrchestrationDbContext>(Schema)
            .Publishes<IntentStatusChanged>();
        return builder;
    }
}
