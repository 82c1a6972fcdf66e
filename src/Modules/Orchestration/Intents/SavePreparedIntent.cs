using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// Stores a PREPARED intent, built (with every network call) before this command runs. With an idempotency key the
/// creator already used, the first intent is the answer and nothing is stored: two prepares racing with one key wait
/// for each other on an advisory lock, so they agree on one intent.
/// </summary>
internal sealed record SavePreparedIntent(TxIntent Intent) : ICommand<TxIntent>;

internal sealed class SavePreparedIntentHandler(OrchestrationDbContext db, IntentChanges changes) : IRequestHandler<SavePreparedIntent, TxIntent>
{
    // First key of the two-key advisory lock: names the lock's kind, so it never meets another module's locks.
    private const int IdempotencyLock = 0x4F52_4301; // "ORC" 1

    public async Task<TxIntent> Handle(SavePreparedIntent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var intent = request.Intent;
        if (intent.IdempotencyKey is { } key)
        {
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_advisory_xact_lock({0}, {1})", [IdempotencyLock, LockKey(intent.CreatedBy, key)], cancellationToken);
            if (await IdempotentIntents.FindAsync(db, intent.CreatedBy, key, cancellationToken) is { } existing)
            {
                return existing;
            }
        }

        db.Intents.Add(intent);
        changes.Record(db, intent);
        return intent;
    }

    private static int LockKey(Guid createdBy, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{createdBy:N}:{key}"));
        return BitConverter.ToInt32(hash, 0);
    }
}

/// <summary>Finds the intent a creator made with an idempotency key.</summary>
internal static class IdempotentIntents
{
    public static Task<TxIntent?> FindAsync(OrchestrationDbContext db, Guid createdBy, string key, CancellationToken cancellationToken) =>
        db.Intents.AsNoTracking().FirstOrDefaultAsync(i => i.CreatedBy == createdBy && i.IdempotencyKey == key, cancellationToken);
}
