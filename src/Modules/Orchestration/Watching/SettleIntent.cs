using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Watching;

/// <summary>
/// Applies what the receipt watcher found on chain (fetched before this command opens its transaction): CONFIRMED
/// with the collection or the minted ids, or FAILED with the reason. An intent that moved meanwhile (another
/// replica's watcher got there first) stays as it is.
/// </summary>
internal sealed record SettleIntent(Guid IntentId, Settlement Settlement) : ICommand<Unit>;

/// <summary>A mined (or replaced, or dropped) transaction's outcome for its intent.</summary>
internal sealed record Settlement(bool Succeeded, string? Contract, IReadOnlyList<string>? TokenIds, string? Error)
{
    public static Settlement Confirmed(string? contract, IReadOnlyList<string>? tokenIds) => new(true, contract, tokenIds, null);

    public static Settlement Failed(string error) => new(false, null, null, error);
}

internal sealed class SettleIntentHandler(OrchestrationDbContext db, IntentChanges changes, TimeProvider time) : IRequestHandler<SettleIntent, Unit>
{
    public async Task<Unit> Handle(SettleIntent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var intent = await db.LockAsync(request.IntentId, cancellationToken);
        if (intent is not { Status: IntentStatus.Pending })
        {
            return Unit.Value;
        }

        var settlement = request.Settlement;
        if (settlement.Succeeded)
        {
            intent.Confirm(settlement.Contract, settlement.TokenIds, time.GetUtcNow());
        }
        else
        {
            intent.Fail(settlement.Error ?? "The transaction failed.", time.GetUtcNow());
        }

        changes.Record(db, intent);
        return Unit.Value;
    }
}
