using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;
using Npgsql;

namespace NftMarketplace.Modules.Wallets.Approvals;

/// <summary>
/// <c>subs.indexing.approvals.retractions</c>: a reorg took blocks off the chain, so the approval changes recorded from
/// them are no longer true. Deletes them from <c>approvals_history</c> (by block hash), recomputes the current approval
/// of every (wallet, contract, operator) they touched from what history remains — the latest change in chain order, or
/// no row when none is left — and remembers the blocks, so a change of theirs still on its way (approvals travel on
/// another queue) is ignored when it arrives (<see cref="ApprovalsOnApprovalsChanged"/>). The new branch's changes come
/// as ordinary approval events. One statement per step for the whole retraction; cache entries go after the commit.
/// </summary>
internal sealed class ApprovalsOnEventsRetracted(WalletsDbContext db, ApprovalsCache cache, TimeProvider time) : IIntegrationEventHandler<EventsRetracted>
{
    public const string Queue = "subs.indexing.approvals.retractions";

    private const string Schema = WalletsModule.Schema;

    private const string RememberBlocks =
        "INSERT INTO " + Schema + ".retracted_blocks (chain_id, block_hash, retracted_at) "
        + "SELECT {0}, h, {2} FROM unnest({1}::text[]) AS x(h) ON CONFLICT DO NOTHING";

    private const string DeleteHistory =
        "DELETE FROM " + Schema + ".approvals_history WHERE chain_id = @chain AND block_hash = ANY(@blocks) RETURNING wallet_id, contract, operator";

    // The touched approvals as their remaining history says: the latest change in chain order sets the state, and the
    // latest grant among them its approval time (as ApprovalsOnApprovalsChanged keeps it); none left, no approval.
    private const string Recompute =
        "WITH touched AS (SELECT DISTINCT wallet_id, contract, operator FROM unnest({1}::uuid[], {2}::text[], {3}::text[]) AS x(wallet_id, contract, operator)), "
        + "latest AS (SELECT DISTINCT ON (h.wallet_id, h.contract, h.operator) h.* FROM " + Schema + ".approvals_history h "
        + "  JOIN touched t ON (h.wallet_id, h.contract, h.operator) = (t.wallet_id, t.contract, t.operator) WHERE h.chain_id = {0} "
        + "  ORDER BY h.wallet_id, h.contract, h.operator, h.block_number DESC, h.log_index DESC), "
        + "granted AS (SELECT DISTINCT ON (h.wallet_id, h.contract, h.operator) h.wallet_id, h.contract, h.operator, h.at FROM " + Schema + ".approvals_history h "
        + "  JOIN touched t ON (h.wallet_id, h.contract, h.operator) = (t.wallet_id, t.contract, t.operator) WHERE h.chain_id = {0} AND h.approved "
        + "  ORDER BY h.wallet_id, h.contract, h.operator, h.block_number DESC, h.log_index DESC), "
        + "gone AS (DELETE FROM " + Schema + ".approvals a USING touched t "
        + "  WHERE a.chain_id = {0} AND (a.wallet_id, a.contract, a.operator) = (t.wallet_id, t.contract, t.operator) "
        + "  AND NOT EXISTS (SELECT 1 FROM latest l WHERE (l.wallet_id, l.contract, l.operator) = (t.wallet_id, t.contract, t.operator))) "
        + "INSERT INTO " + Schema + ".approvals AS a "
        + "(wallet_id, chain_id, contract, operator, standard, approved, approved_at, revoked_at, tx_hash, block_number, log_index, updated_at) "
        + "SELECT l.wallet_id, {0}, l.contract, l.operator, l.standard, l.approved, g.at, CASE WHEN l.approved THEN NULL ELSE l.at END, "
        + "l.tx_hash, l.block_number, l.log_index, l.at FROM latest l "
        + "LEFT JOIN granted g ON (g.wallet_id, g.contract, g.operator) = (l.wallet_id, l.contract, l.operator) "
        + "ON CONFLICT (wallet_id, chain_id, contract, operator) DO UPDATE SET "
        + "standard = excluded.standard, approved = excluded.approved, approved_at = excluded.approved_at, revoked_at = excluded.revoked_at, "
        + "tx_hash = excluded.tx_hash, block_number = excluded.block_number, log_index = excluded.log_index, updated_at = excluded.updated_at";

    public async Task Handle(EventsRetracted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = Validate(@event);
        var blocks = @event.RetractedBlocks.Distinct(StringComparer.Ordinal).ToArray();
        if (blocks.Length == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(RememberBlocks, [chain, blocks, time.GetUtcNow()], cancellationToken);
        var touched = await DeleteHistoryAsync(chain, blocks, cancellationToken);
        if (touched.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            Recompute,
            [chain, touched.Select(t => t.WalletId).ToArray(), touched.Select(t => t.Contract).ToArray(), touched.Select(t => t.Operator).ToArray()],
            cancellationToken);
        var keys = touched.Select(t => t.WalletId).Distinct().Select(walletId => new ApprovalsKey(walletId, chain)).ToList();
        db.AfterCommit(_ => cache.InvalidateAsync(keys));
    }

    /// <summary>The event's chain; a message this module can never apply is parked for a person, not retried.</summary>
    internal static string Validate(EventsRetracted @event)
    {
        if (!ChainId.TryParse(@event.ChainId, out var chain) || !chain.IsEip155)
        {
            throw new MalformedMessageException($"Retraction on '{@event.ChainId}': only eip155 chains have approvals.");
        }

        if (@event.RetractedBlocks.Any(h => !ApprovalsOnApprovalsChanged.IsLowercaseHash(h)))
        {
            throw new MalformedMessageException($"A retraction above block {@event.ForkBlock} on {@event.ChainId} names a malformed block hash.");
        }

        return chain.Value;
    }

    /// <summary>Deletes the history of <paramref name="blocks"/>; what each deleted row was about.</summary>
    private async Task<List<Touched>> DeleteHistoryAsync(string chain, string[] blocks, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            DeleteHistory, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("blocks", blocks);
        var touched = new List<Touched>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touched.Add(new Touched(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return touched;
    }

    private sealed record Touched(Guid WalletId, string Contract, string Operator);
}
