using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Registry.Chains;

internal sealed record EnableChain(ChainId ChainId) : ICommand<ChainSnapshot>;

internal sealed class EnableChainHandler(ChainStore store) : IRequestHandler<EnableChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(EnableChain request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.Enabled = true;
        return await store.SaveAsync(chain, cancellationToken);
    }
}
