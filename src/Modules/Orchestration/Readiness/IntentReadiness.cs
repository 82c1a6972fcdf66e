using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// Moves a tracked intent to READY with what the catalog showed for its transaction, through CONFIRMED when it was
/// still PENDING (the catalog only shows mined, succeeded transactions), each step recorded and pushed. Used by the
/// domain-event consumers (<see cref="MarkIntentReady"/>) and when a track finds a fact that came first.
/// </summary>
internal sealed class IntentReadiness(IntentChanges changes, TimeProvider time)
{
    /// <summary>The intent must be locked by the caller's transaction.</summary>
    public void Apply(OrchestrationDbContext db, TxIntent intent, string contract, IReadOnlyList<string>? tokenIds)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var created = intent.Kind == IntentKind.CreateCollection ? contract : null;
        var minted = intent.Kind == IntentKind.Mint ? tokenIds : null;
        if (intent.Status == IntentStatus.Pending)
        {
            intent.Confirm(created, minted, time.GetUtcNow());
            changes.Record(db, intent);
        }

        if (intent.Status == IntentStatus.Confirmed)
        {
            intent.MarkReady(created, minted, time.GetUtcNow());
            changes.Record(db, intent);
        }
    }

    /// <summary>A fact the catalog sent before <paramref name="intent"/> tracked its hash: applied and deleted.</summary>
    public async Task ApplyStoredAsync(OrchestrationDbContext db, TxIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intent);
        var fact = await db.ReadinessFacts.FirstOrDefaultAsync(
            f => f.ChainId == intent.ChainId && f.TxHash == intent.TxHash && f.Kind == intent.Kind, cancellationToken);
        if (fact is null || (intent.Kind == IntentKind.Mint && fact.Contract != intent.Contract))
        {
            return;
        }

        Apply(db, intent, fact.Contract, fact.TokenIds);
        db.ReadinessFacts.Remove(fact);
    }
}
