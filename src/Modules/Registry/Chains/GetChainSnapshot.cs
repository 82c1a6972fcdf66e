using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>A chain with its contracts and gas policy, for GraphQL (one cache read answers every field).</summary>
internal sealed record GetChainSnapshot(string ChainId) : IQuery<ChainSnapshot?>;

internal sealed class GetChainSnapshotHandler(ChainReader reader) : IRequestHandler<GetChainSnapshot, ChainSnapshot?>
{
    public Task<ChainSnapshot?> Handle(GetChainSnapshot request, CancellationToken cancellationToken) =>
        reader.GetAsync(request.ChainId, cancellationToken);
}
