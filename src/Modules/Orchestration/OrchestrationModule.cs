using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration;

/// <summary>The Orchestration module's one registration entry point, called by the Host.</summary>
public static class OrchestrationModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "orchestration";

    public static IHostApplicationBuilder AddOrchestrationModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<OrchestrationDbContext>(Schema);
        return builder;
    }
}
