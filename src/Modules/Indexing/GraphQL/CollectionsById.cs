using Microsoft.EntityFrameworkCore;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Persistence;
using NftMarketplace.Modules.Indexing.Tracking;

namespace NftMarketplace.Modules.Indexing.GraphQL;

/// <summary>Followed collections by <c>chainId:address</c> for <c>node(id)</c>.</summary>
internal sealed class CollectionsById(IndexingDbContext db) : BatchLoader<string, TrackedCollection>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<TrackedCollection>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Select(k => k.ToLowerInvariant()).ToList();
        var rows = await db.FollowedContracts.AsNoTracking()
            .Where(f => f.Standard != FollowedStandards.Factory && wanted.Contains(f.ChainId + ":" + f.Address))
            .ToListAsync(cancellationToken);
        return rows.Select(f => new TrackedCollection(f.ChainId, f.Address, f.Standard, null, null, null, f.FromBlock, f.BackfillStatus));
    }

    protected override string KeyOf(TrackedCollection value) => $"{value.ChainId}:{value.Address}";
}
