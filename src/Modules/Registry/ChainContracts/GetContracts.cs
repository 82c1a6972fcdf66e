using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.ChainContracts;

internal sealed class GetContractsHandler(ChainReader reader) : IRequestHandler<GetContracts, IReadOnlyList<ChainContractDto>>
{
    public async Task<IReadOnlyList<ChainContractDto>> Handle(GetContracts request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.Contracts ?? [];
}
