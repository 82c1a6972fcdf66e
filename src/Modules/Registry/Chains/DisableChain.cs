using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Registry.Chains;

internal sealed record DisableChain(ChainId ChainId) : ICommand<ChainSnapshot>;

internal sealed class DisableChainHandler(ChainStore store) : IRequestHandler<DisableChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(DisableChain request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.Enabled = false;
        return await store.SaveAsync(chain, cancellationToken);
    }
}
