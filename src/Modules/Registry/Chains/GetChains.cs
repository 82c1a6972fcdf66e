using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.Chains;

internal sealed class GetChainsHandler(ChainReader reader) : IRequestHandler<GetChains, IReadOnlyList<ChainDto>>
{
    public async Task<IReadOnlyList<ChainDto>> Handle(GetChains request, CancellationToken cancellationToken) =>
        [.. (await reader.GetAllAsync(cancellationToken)).Select(s => s.Chain)];
}
