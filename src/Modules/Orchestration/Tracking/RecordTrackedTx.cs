using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;
using NftMarketplace.Modules.Orchestration.Readiness;

namespace NftMarketplace.Modules.Orchestration.Tracking;

/// <summary>
/// Records a transaction that was checked against the intent (<see cref="TxTracking"/>): PENDING. The same hash again
/// changes nothing; a hash another intent already tracks is a <c>CONFLICT</c> (one transaction fulfils one intent).
/// When the catalog already showed the transaction (its event came first), the intent goes on to READY at once.
/// </summary>
internal sealed record RecordTrackedTx(Guid IntentId, string TxHash, long Nonce) : ICommand<IntentView>;

internal sealed class RecordTrackedTxHandler(OrchestrationDbContext db, IntentChanges changes, IntentReadiness readiness, TimeProvider time)
    : IRequestHandler<RecordTrackedTx, IntentView>
{
    public async Task<IntentView> Handle(RecordTrackedTx request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var intent = await db.LockAsync(request.IntentId, cancellationToken)
            ?? throw IntentErrors.NotFound("input.intentId");
        if (await db.Intents.AnyAsync(i => i.ChainId == intent.ChainId && i.TxHash == request.TxHash && i.IntentId != intent.IntentId, cancellationToken))
        {
            throw new AppException(ErrorCode.Conflict, "Another intent already tracks this transaction.", "input.txHash");
        }

        if (intent.Track(request.TxHash, request.Nonce, time.GetUtcNow()))
        {
            changes.Record(db, intent);
            await readiness.ApplyStoredAsync(db, intent, cancellationToken);
        }

        return IntentView.Of(intent);
    }
}
