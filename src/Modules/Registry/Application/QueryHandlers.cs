using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.Application;

internal sealed class GetChainHandler(ChainReader reader) : IRequestHandler<GetChain, ChainDto?>
{
    public async Task<ChainDto?> Handle(GetChain request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.Chain;
}

internal sealed class GetChainsHandler(ChainReader reader) : IRequestHandler<GetChains, IReadOnlyList<ChainDto>>
{
    public async Task<IReadOnlyList<ChainDto>> Handle(GetChains request, CancellationToken cancellationToken) =>
        [.. (await reader.GetAllAsync(cancellationToken)).Select(s => s.Chain)];
}

internal sealed class GetContractsHandler(ChainReader reader) : IRequestHandler<GetContracts, IReadOnlyList<ChainContractDto>>
{
    public async Task<IReadOnlyList<ChainContractDto>> Handle(GetContracts request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.Contracts ?? [];
}

internal sealed class GetGasPolicyHandler(ChainReader reader) : IRequestHandler<GetGasPolicy, GasPolicyDto?>
{
    public async Task<GasPolicyDto?> Handle(GetGasPolicy request, CancellationToken cancellationToken) =>
        (await reader.GetAsync(request.ChainId.Value, cancellationToken))?.GasPolicy;
}

/// <summary>A chain with its contracts and gas policy, for GraphQL (one cache read answers every field).</summary>
internal sealed record GetChainSnapshot(string ChainId) : IQuery<ChainSnapshot?>;

internal sealed record GetChainSnapshots : IQuery<IReadOnlyList<ChainSnapshot>>;

internal sealed class GetChainSnapshotHandler(ChainReader reader) : IRequestHandler<GetChainSnapshot, ChainSnapshot?>
{
    public Task<ChainSnapshot?> Handle(GetChainSnapshot request, CancellationToken cancellationToken) =>
        reader.GetAsync(request.ChainId, cancellationToken);
}

internal sealed class GetChainSnapshotsHandler(ChainReader reader) : IRequestHandler<GetChainSnapshots, IReadOnlyList<ChainSnapshot>>
{
    public Task<IReadOnlyList<ChainSnapshot>> Handle(GetChainSnapshots request, CancellationToken cancellationToken) =>
        reader.GetAllAsync(cancellationToken);
}
