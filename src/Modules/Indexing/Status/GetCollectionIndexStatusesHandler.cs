using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Persistence;

namespace NftMarketplace.Modules.Indexing.Status;

/// <summary>One query for every collection asked: the ones still backfilling are named, every other one is live.</summary>
internal sealed class GetCollectionIndexStatusesHandler(IndexingDbContext db)
    : IRequestHandler<GetCollectionIndexStatuses, IReadOnlyDictionary<IndexedCollection, string>>
{
    public async Task<IReadOnlyDictionary<IndexedCollection, string>> Handle(GetCollectionIndexStatuses request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var statuses = request.Collections.Distinct().ToDictionary(c => c, _ => IndexStatuses.Live);
        if (statuses.Count == 0)
        {
            return statuses;
        }

        var chains = statuses.Keys.Select(c => c.ChainId).Distinct().ToList();
        var addresses = statuses.Keys.Select(c => c.Address).Distinct().ToList();
        var backfilling = await db.FollowedContracts.AsNoTracking()
            .Where(f => chains.Contains(f.ChainId) && addresses.Contains(f.Address)
                && f.Standard != FollowedStandards.Factory && f.BackfillStatus == BackfillStatuses.Backfilling)
            .Select(f => new { f.ChainId, f.Address })
            .ToListAsync(cancellationToken);
        foreach (var row in backfilling)
        {
            var key = new IndexedCollection(row.ChainId, row.Address);
            if (statuses.ContainsKey(key))
            {
                statuses[key] = IndexStatuses.Backfilling;
            }
        }

        return statuses;
    }
}
