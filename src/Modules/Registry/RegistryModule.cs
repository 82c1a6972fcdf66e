using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NftMarketplace.BuildingBlocks.Chain;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Registry.ChainAccess;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.DevChain;
using NftMarketplace.Modules.Registry.GasPolicy;
using NftMarketplace.Modules.Registry.GraphQL;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry;

/// <summary>The Registry module's one registration entry point, called by the Host.</summary>
public static class RegistryModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "registry";

    public static IHostApplicationBuilder AddRegistryModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModule<RegistryDbContext>(Schema);
        builder.Services.AddScoped<ChainReader>();
        builder.Services.AddScoped<ChainStore>();
        builder.AddGraphQLContributor<RegistryGraphQL>();
        builder.AddNode<ChainsById>(ChainType.TypeName);

        // The registry is where every chain's RPC endpoints live.
        builder.Services.TryAddSingleton<ConfigurationChainEndpointSource>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChainEndpointSource, RegistryChainEndpointSource>());

        builder.AddValidatedOptions<GasPolicyOptions>(GasPolicyOptions.Section, o => o.Validate());
        builder.Services.AddScoped<GasPolicyObservation>();
        builder.Services.AddHostedService<GasPolicyObserver>();

        var devChain = builder.AddValidatedOptions<DevChainOptions>(DevChainOptions.Section, o => o.Validate());
        builder.Services.AddSingleton<DevChainBootstrap>();
        if (devChain.Enabled ?? builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevChainBootstrapService>();
        }
        return builder;
    }
}
