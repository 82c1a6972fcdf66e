using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// The catalog shows what transaction <see cref="TxHash"/> on <see cref="ChainId"/> did (<see cref="Contract"/> created,
/// or <see cref="TokenIds"/> minted on it): the intent of <see cref="Kind"/> tracking that hash becomes READY (see
/// <see cref="IntentReadiness"/>). When none tracks it yet but a PREPARED one could (same kind, on that collection or
/// at that preview address), the fact is kept for the track to apply; otherwise it is someone else's transaction and
/// nothing is kept. Answers whether an intent tracked it.
/// </summary>
internal sealed record MarkIntentReady(string ChainId, string TxHash, IntentKind Kind, string Contract, IReadOnlyList<string>? TokenIds) : ICommand<bool>;

internal sealed class MarkIntentReadyHandler(OrchestrationDbContext db, IntentReadiness readiness, TimeProvider time) : IRequestHandler<MarkIntentReady, bool>
{
    public async Task<bool> Handle(MarkIntentReady request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = request.TxHash.ToLowerInvariant();
        var contract = request.Contract.ToLowerInvariant();

        // Locks the intent tracking the hash and every one that could still track it, the same rows a track locks: a
        // track committing first is seen here (its row now carries the hash), one committing after sees the fact.
        var candidates = await (request.Kind == IntentKind.Mint
                ? db.Intents.FromSql($"""
                    SELECT * FROM orchestration.tx_intents
                    WHERE chain_id = {request.ChainId} AND kind = 'MINT'
                      AND (tx_hash = {hash} OR (status = 'PREPARED' AND contract = {contract}))
                    ORDER BY intent_id FOR UPDATE
                    """)
                : db.Intents.FromSql($"""
                    SELECT * FROM orchestration.tx_intents
                    WHERE chain_id = {request.ChainId} AND kind = 'CREATE_COLLECTION'
                      AND (tx_hash = {hash} OR (status = 'PREPARED' AND preview_address = {contract}))
                    ORDER BY intent_id FOR UPDATE
                    """))
            .ToListAsync(cancellationToken);

        var tracking = candidates.FirstOrDefault(i => i.TxHash == hash);
        if (tracking is not null)
        {
            if (request.Kind == IntentKind.CreateCollection || tracking.Contract == contract)
            {
                readiness.Apply(db, tracking, contract, request.TokenIds);
            }

            return true;
        }

        if (candidates.Count > 0)
        {
            var fact = await db.ReadinessFacts.FindAsync([request.ChainId, hash, request.Kind], cancellationToken);
            if (fact is null)
            {
                db.ReadinessFacts.Add(new ReadinessFact
                {
                    ChainId = request.ChainId,
                    TxHash = hash,
                    Kind = request.Kind,
                    Contract = contract,
                    TokenIds = request.TokenIds is null ? null : [.. request.TokenIds],
                    ReceivedAt = time.GetUtcNow(),
                });
            }
            else
            {
                fact.Contract = contract;
                fact.TokenIds = request.TokenIds is null ? null : [.. request.TokenIds];
                fact.ReceivedAt = time.GetUtcNow();
            }
        }

        return false;
    }
}
