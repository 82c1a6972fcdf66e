using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// The catalog shows what the transaction <see cref="TxHash"/> on <see cref="ChainId"/> did: its PENDING or CONFIRMED
/// intent of <see cref="Kind"/> becomes READY. What the consumers of the Catalog's domain events
/// (<c>collections.domain</c>, <c>mints.domain</c>) send; an event for a transaction no intent tracks (yet) changes
/// nothing and answers false, so the consumer can retry it later (the client may track after the catalog saw it).
/// </summary>
internal sealed record MarkIntentReady(string ChainId, string TxHash, IntentKind Kind) : ICommand<bool>;

internal sealed class MarkIntentReadyHandler(OrchestrationDbContext db, IntentChanges changes, TimeProvider time) : IRequestHandler<MarkIntentReady, bool>
{
    public async Task<bool> Handle(MarkIntentReady request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = request.TxHash.ToLowerInvariant();
        var id = await db.Intents.AsNoTracking()
            .Where(i => i.ChainId == request.ChainId && i.TxHash == hash && i.Kind == request.Kind)
            .Select(i => (Guid?)i.IntentId).FirstOrDefaultAsync(cancellationToken);
        if (id is not { } intentId || await db.LockAsync(intentId, cancellationToken) is not { } intent)
        {
            return false;
        }

        if (intent.Status is IntentStatus.Pending or IntentStatus.Confirmed)
        {
            intent.MarkReady(time.GetUtcNow());
            changes.Record(db, intent);
        }

        return true;
    }
}
