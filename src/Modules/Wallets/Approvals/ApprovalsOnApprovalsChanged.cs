using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Approvals;

/// <summary>
/// <c>subs.indexing.approvals</c>: records the operator approvals the indexer saw, for every linked wallet of each owner
/// on the event's chain (an externally owned account linked on any chain counts: its key is the same everywhere). An
/// owner that is no linked wallet is ignored. One statement per table for the whole batch: history rows (one per wallet
/// and log, so a replay adds none) and the current approvals, each overwritten only by a change later in chain order —
/// batches may arrive in any order. Changes of a block a reorg already retracted (<see cref="ApprovalsOnEventsRetracted"/>,
/// whose queue may be ahead of this one) are ignored. The inbox makes a redelivery a no-op; changed cache entries go
/// after the commit.
/// </summary>
internal sealed class ApprovalsOnApprovalsChanged(WalletsDbContext db, ApprovalsCache cache) : IIntegrationEventHandler<ApprovalsChanged>
{
    public const string Queue = "subs.indexing.approvals";

    private static readonly string[] Standards = [ApprovalStandards.Erc721, ApprovalStandards.Erc1155];

    private const string InsertHistory =
        "INSERT INTO " + WalletsModule.Schema + ".approvals_history "
        + "(id, wallet_id, chain_id, contract, operator, standard, approved, tx_hash, block_number, log_index, at, block_hash) "
        + "SELECT id, wallet_id, {0}, contract, operator, standard, approved, tx_hash, block_number, log_index, at, block_hash "
        + "FROM unnest({1}::uuid[], {2}::uuid[], {3}::text[], {4}::text[], {5}::text[], {6}::boolean[], {7}::text[], {8}::bigint[], {9}::integer[], "
        + "{10}::timestamptz[], {11}::text[]) "
        + "AS x(id, wallet_id, contract, operator, standard, approved, tx_hash, block_number, log_index, at, block_hash) "
        + "ON CONFLICT (wallet_id, chain_id, tx_hash, log_index, block_hash) DO NOTHING";

    private const string UpsertCurrent =
        "INSERT INTO " + WalletsModule.Schema + ".approvals AS a "
        + "(wallet_id, chain_id, contract, operator, standard, approved, approved_at, revoked_at, tx_hash, block_number, log_index, updated_at) "
        + "SELECT wallet_id, {0}, contract, operator, standard, approved, "
        + "CASE WHEN approved THEN at END, CASE WHEN approved THEN NULL ELSE at END, tx_hash, block_number, log_index, at "
        + "FROM unnest({1}::uuid[], {2}::text[], {3}::text[], {4}::text[], {5}::boolean[], {6}::text[], {7}::bigint[], {8}::integer[], {9}::timestamptz[]) "
        + "AS x(wallet_id, contract, operator, standard, approved, tx_hash, block_number, log_index, at) "
        + "ON CONFLICT (wallet_id, chain_id, contract, operator) DO UPDATE SET "
        + "standard = excluded.standard, approved = excluded.approved, approved_at = COALESCE(excluded.approved_at, a.approved_at), "
        + "revoked_at = excluded.revoked_at, tx_hash = excluded.tx_hash, block_number = excluded.block_number, "
        + "log_index = excluded.log_index, updated_at = excluded.updated_at "
        + "WHERE (a.block_number, a.log_index) < (excluded.block_number, excluded.log_index) "
        + "RETURNING a.wallet_id AS \"Value\"";

    public async Task Handle(ApprovalsChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = Validate(@event);
        var owners = @event.Changes.Select(c => c.Owner).Distinct(StringComparer.Ordinal).ToList();
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => owners.Contains(w.Address) && (w.ChainId == chain || w.Type == WalletTypes.Eoa))
            .Select(w => new { w.Id, w.Address })
            .ToListAsync(cancellationToken);
        var hashes = @event.Changes.Select(c => c.Position.BlockHash).Distinct(StringComparer.Ordinal).ToList();
        var retracted = (await db.RetractedBlocks.AsNoTracking()
            .Where(b => b.ChainId == chain && hashes.Contains(b.BlockHash))
            .Select(b => b.BlockHash)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rows = (
            from change in @event.Changes
            where !retracted.Contains(change.Position.BlockHash)
            join wallet in wallets on change.Owner equals wallet.Address
            select new Row(wallet.Id, change)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            InsertHistory,
            [
                chain,
                rows.Select(r => Guid.CreateVersion7(r.Change.Position.BlockTime)).ToArray(),
                rows.Select(r => r.WalletId).ToArray(),
                .. Columns(rows),
                rows.Select(r => r.Change.Position.BlockHash).ToArray(),
            ],
            cancellationToken);

        // One row per wallet, contract and operator (the latest in chain order): a statement may not update a row twice.
        var latest = rows
            .GroupBy(r => (r.WalletId, r.Change.Contract, r.Change.Operator))
            .Select(g => g.MaxBy(r => r.Change.Position)!)
            .ToList();
        var changed = await db.Database
            .SqlQueryRaw<Guid>(UpsertCurrent, [chain, latest.Select(r => r.WalletId).ToArray(), .. Columns(latest)])
            .ToListAsync(cancellationToken);

        var keys = changed.Distinct().Select(walletId => new ApprovalsKey(walletId, chain)).ToList();
        db.AfterCommit(_ => cache.InvalidateAsync(keys));
    }

    /// <summary>The per-change columns, in the order both statements take them.</summary>
    private static object[] Columns(IReadOnlyList<Row> rows) =>
    [
        rows.Select(r => r.Change.Contract).ToArray(),
        rows.Select(r => r.Change.Operator).ToArray(),
        rows.Select(r => r.Change.Standard).ToArray(),
        rows.Select(r => r.Change.Approved).ToArray(),
        rows.Select(r => r.Change.Position.TxHash).ToArray(),
        rows.Select(r => r.Change.Position.BlockNumber).ToArray(),
        rows.Select(r => r.Change.Position.LogIndex).ToArray(),
        rows.Select(r => r.Change.Position.BlockTime.ToUniversalTime()).ToArray(),
    ];

    /// <summary>The event's chain; a message this module can never apply is parked for a person, not retried.</summary>
    internal static string Validate(ApprovalsChanged @event)
    {
        if (!ChainId.TryParse(@event.ChainId, out var chain) || !chain.IsEip155)
        {
            throw new MalformedMessageException($"Approvals of '{@event.ChainId}': only eip155 chains have them.");
        }

        foreach (var change in @event.Changes)
        {
            if (!IsLowercaseAddress(change.Owner) || !IsLowercaseAddress(change.Operator) || !IsLowercaseAddress(change.Contract)
                || !Standards.Contains(change.Standard) || !TxHash.TryParse(change.Position.TxHash, out _) || !IsLowercaseHash(change.Position.BlockHash))
            {
                throw new MalformedMessageException($"An approval change at block {change.Position.BlockNumber} is malformed.");
            }
        }

        return chain.Value;
    }

    private static bool IsLowercaseAddress(string text) => Address.TryParse(text, out var address) && address.Value == text;

    internal static bool IsLowercaseHash(string? text) => TxHash.TryParse(text, out var hash) && hash.Value == text;

    private sealed record Row(Guid WalletId, ApprovalChange Change);
}
