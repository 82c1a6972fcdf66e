using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>Every chain with its contracts and gas policy, for GraphQL, ordered by CAIP-2 id.</summary>
internal sealed record GetChainSnapshots : IQuery<IReadOnlyList<ChainSnapshot>>;

internal sealed class GetChainSnapshotsHandler(ChainReader reader) : IRequestHandler<GetChainSnapshots, IReadOnlyList<ChainSnapshot>>
{
    public Task<IReadOnlyList<ChainSnapshot>> Handle(GetChainSnapshots request, CancellationToken cancellationToken) =>
        reader.GetAllAsync(cancellationToken);
}
