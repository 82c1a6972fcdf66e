using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Watching;

/// <summary>A PREPARED intent past its deadline becomes EXPIRED; one tracked meanwhile is left alone.</summary>
internal sealed record ExpireIntent(Guid IntentId) : ICommand<Unit>;

internal sealed class ExpireIntentHandler(OrchestrationDbContext db, IntentChanges changes, TimeProvider time) : IRequestHandler<ExpireIntent, Unit>
{
    public async Task<Unit> Handle(ExpireIntent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var intent = await db.LockAsync(request.IntentId, cancellationToken);
        if (intent is { Status: IntentStatus.Prepared } && intent.DeadlineAt <= now)
        {
            intent.Expire(now);
            changes.Record(db, intent);
        }

        return Unit.Value;
    }
}
