using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.Endpoints;

internal sealed record DisableChainEndpoint(ChainId ChainId, string Url) : ICommand<ChainSnapshot>;

internal sealed class DisableChainEndpointHandler(ChainStore store) : IRequestHandler<DisableChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(DisableChainEndpoint request, CancellationToken cancellationToken) =>
        await EndpointSwitch.SetAsync(store, request.ChainId, request.Url, active: false, cancellationToken);
}
