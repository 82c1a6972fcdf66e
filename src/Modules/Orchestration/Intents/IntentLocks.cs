using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// Loads an intent for a change and holds its row until the transaction ends, so a track, the receipt watcher and
/// the deadline sweep (on any replica) never both move it: the second sees the first's status and does nothing.
/// </summary>
internal static class IntentLocks
{
    public static Task<TxIntent?> LockAsync(this OrchestrationDbContext db, Guid intentId, CancellationToken cancellationToken) =>
        db.Intents.FromSql($"SELECT * FROM orchestration.tx_intents WHERE intent_id = {intentId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);
}
