using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// <c>subs.catalog.settings</c>: royalty, ownership and role changes are stored as facts, and each touched collection's
/// owner, royalty and roles derived again from all of its facts, the latest by chain position winning — so changes
/// apply in any order, even before the collection's announcement. A collection whose owner or royalty changed is
/// published as <c>CollectionUpserted</c>.
/// </summary>
internal sealed class SettingsOnCollectionSettingsChanged(CatalogDbContext db, DerivedState state) : IIntegrationEventHandler<CollectionSettingsChanged>
{
    public const string Queue = "subs.catalog.settings";

    private const string Schema = CatalogModule.Schema;

    // As transfer facts (TransferFacts): a retracted block's fact is skipped, a log mined again moves to its new block.
    private const string InsertSql =
        "INSERT INTO " + Schema + ".collection_setting_facts AS f (chain_id, tx_hash, log_index, contract, kind, royalty_receiver, royalty_bps, account, "
        + "  previous_account, role, sender, block_number, block_hash, block_time) "
        + "SELECT @chain, tx_hash, log_index, contract, kind, royalty_receiver, royalty_bps, account, previous_account, role, sender, block_number, "
        + "  block_hash, block_time "
        + "FROM unnest(@tx::text[], @li::integer[], @c::text[], @kind::text[], @rr::text[], @rb::integer[], @acc::text[], @prev::text[], @role::text[], "
        + "  @snd::text[], @bn::bigint[], @bh::text[], @bt::timestamptz[]) "
        + "  AS x(tx_hash, log_index, contract, kind, royalty_receiver, royalty_bps, account, previous_account, role, sender, block_number, block_hash, block_time) "
        + "WHERE NOT EXISTS (SELECT 1 FROM " + Schema + ".retracted_blocks r WHERE r.chain_id = @chain AND r.block_hash = x.block_hash) "
        + "ON CONFLICT (chain_id, tx_hash, log_index) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash, "
        + "  block_time = excluded.block_time WHERE f.block_hash <> excluded.block_hash "
        + "RETURNING f.contract";

    public async Task Handle(CollectionSettingsChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = IngestionMessages.Chain(@event.ChainId);
        IngestionMessages.Settings(@event.Changes);
        // One row per log (a statement may not update a row twice).
        var changes = @event.Changes.DistinctBy(c => (c.Position.TxHash, c.Position.LogIndex)).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        await state.LockCollectionsAsync(chain, changes.Select(c => c.Contract), cancellationToken);
        var touched = await InsertAsync(chain, changes, cancellationToken);
        var changed = await state.DeriveSettingsAsync(chain, touched, cancellationToken);
        if (changed.Count == 0)
        {
            return;
        }

        var rows = await db.Collections.AsNoTracking()
            .Where(c => c.ChainId == chain && changed.Contains(c.Address))
            .OrderBy(c => c.Address)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.AddIntegrationEvent(CatalogEvents.Collection(row, retracted: false));
        }
    }

    private async Task<List<string>> InsertAsync(string chain, List<SettingChange> changes, CancellationToken cancellationToken)
    {
        await using var command = IngestionSql.Command(db, InsertSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("tx", changes.Select(c => c.Position.TxHash).ToArray());
        command.Parameters.AddWithValue("li", changes.Select(c => c.Position.LogIndex).ToArray());
        command.Parameters.AddWithValue("c", changes.Select(c => c.Contract).ToArray());
        command.Parameters.AddWithValue("kind", changes.Select(c => c.Kind).ToArray());
        command.Parameters.AddTexts("rr", changes.Select(c => c.RoyaltyReceiver));
        command.Parameters.AddIntegers("rb", changes.Select(c => c.RoyaltyBps));
        command.Parameters.AddTexts("acc", changes.Select(c => c.Account));
        command.Parameters.AddTexts("prev", changes.Select(c => c.PreviousAccount));
        command.Parameters.AddTexts("role", changes.Select(c => c.Role));
        command.Parameters.AddTexts("snd", changes.Select(c => c.Sender));
        command.Parameters.AddWithValue("bn", changes.Select(c => c.Position.BlockNumber).ToArray());
        command.Parameters.AddWithValue("bh", changes.Select(c => c.Position.BlockHash).ToArray());
        command.Parameters.AddWithValue("bt", changes.Select(c => c.Position.BlockTime.ToUniversalTime()).ToArray());

        var touched = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touched.Add(reader.GetString(0));
        }

        return [.. touched.Order(StringComparer.Ordinal)];
    }
}
