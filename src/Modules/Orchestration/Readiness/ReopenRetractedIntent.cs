using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// A reorg removed what transaction <see cref="TxHash"/> did (the catalog's event with <c>retracted: true</c>): a kept
/// fact of it is dropped, and the CONFIRMED or READY intent tracking it goes back to PENDING (<see cref="TxIntent.Reopen"/>),
/// pushed like any change; the receipt watcher takes it from there on the chain as it now is.
/// </summary>
internal sealed record ReopenRetractedIntent(string ChainId, string TxHash, IntentKind Kind) : ICommand<Unit>;

internal sealed class ReopenRetractedIntentHandler(OrchestrationDbContext db, IntentChanges changes, TimeProvider time) : IRequestHandler<ReopenRetractedIntent, Unit>
{
    public async Task<Unit> Handle(ReopenRetractedIntent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = request.TxHash.ToLowerInvariant();
        var kind = request.Kind.Name();
        await db.ReadinessFacts.Where(f => f.ChainId == request.ChainId && f.TxHash == hash && f.Kind == request.Kind)
            .ExecuteDeleteAsync(cancellationToken);
        var intent = await db.Intents.FromSql($"""
            SELECT * FROM orchestration.tx_intents WHERE chain_id = {request.ChainId} AND tx_hash = {hash} AND kind = {kind} FOR UPDATE
            """).FirstOrDefaultAsync(cancellationToken);
        if (intent is not null && intent.Reopen(time.GetUtcNow()))
        {
            changes.Record(db, intent);
        }

        return Unit.Value;
    }
}
