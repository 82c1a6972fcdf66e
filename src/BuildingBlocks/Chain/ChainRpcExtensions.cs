using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.BuildingBlocks.Chain;

public static class ChainRpcExtensions
{
    /// <summary>
    /// Registers <see cref="IChainRpcClientFactory"/> with <see cref="ChainRpcOptions"/> (section <c>ChainRpc</c>) and,
    /// unless one is registered already, the configuration-backed <see cref="IChainEndpointSource"/>; the chain
    /// registry replaces that with its own. Bad settings and malformed configured endpoints stop start-up, naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddChainRpc(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<ChainRpcOptions>(ChainRpcOptions.Section, options => options.Validate());
        ConfigurationChainEndpointSource.ValidateAll(builder.Configuration);

        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChainEndpointSource, ConfigurationChainEndpointSource>();
        services.TryAddSingleton<IChainRpcClientFactory, ChainRpcClientFactory>();
        services.TryAddSingleton<IChainEndpointsInvalidation>(sp =>
            sp.GetRequiredService<IChainRpcClientFactory>() as IChainEndpointsInvalidation ?? NoEndpointsInvalidation.Instance);
        return builder;
    }
}
