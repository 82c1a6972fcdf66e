using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.GasPolicy;

internal sealed class GetGasPolicyHandler(ChainReader reader) : IRequestHandler<GetGasPolicy, GasPolicyDto?>
{
    public async Task<GasPolicyDto?> Handle(GetGasPolicy request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.GasPolicy;
}
