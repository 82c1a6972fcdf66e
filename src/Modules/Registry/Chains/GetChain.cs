using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.Chains;

internal sealed class GetChainHandler(ChainReader reader) : IRequestHandler<GetChain, ChainDto?>
{
    public async Task<ChainDto?> Handle(GetChain request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.Chain;
}
