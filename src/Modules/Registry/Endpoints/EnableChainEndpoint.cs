using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.Endpoints;

internal sealed record EnableChainEndpoint(ChainId ChainId, string Url) : ICommand<ChainSnapshot>;

internal sealed class EnableChainEndpointHandler(ChainStore store) : IRequestHandler<EnableChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(EnableChainEndpoint request, CancellationToken cancellationToken) =>
        await EndpointSwitch.SetAsync(store, request.ChainId, request.Url, active: true, cancellationToken);
}
