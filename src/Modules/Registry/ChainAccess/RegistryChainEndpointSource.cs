using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.ChainAccess;

/// <summary>
/// The RPC client's endpoints come from the registry. A chain the registry does not know yet falls back to
/// configuration: that is how the dev chain bootstrap reaches the local node before it has registered it.
/// A disabled chain has no endpoints: nothing of the platform should talk to it.
/// </summary>
internal sealed class RegistryChainEndpointSource(IServiceScopeFactory scopes, ConfigurationChainEndpointSource configured)
    : IChainEndpointSource
{
    public async ValueTask<IReadOnlyList<ChainEndpoint>> GetEndpointsAsync(ChainId chain, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetChain(chain), cancellationToken).ConfigureAwait(false);
        if (registered is null)
        {
            return await configured.GetEndpointsAsync(chain, cancellationToken).ConfigureAwait(false);
        }

        return registered.Enabled
            ? [.. registered.Endpoints.Select(e => new ChainEndpoint(new Uri(e.Url), e.Priority, e.Weight, e.RateLimit ?? 0, e.Active))]
            : [];
    }
}
