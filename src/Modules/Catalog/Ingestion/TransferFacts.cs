using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// Applies a batch of transfer facts (mints, transfers, burns, ERC-1155 batch entries): stores the facts and their
/// activities, recomputes the tokens, balances and collections they touch, and tells subscribers — in the delivery's
/// transaction, a fixed number of statements whatever the batch's size.
/// </summary>
internal sealed class TransferFacts(CatalogDbContext db, DerivedState state)
{
    private const string Schema = CatalogModule.Schema;

    // Facts of a retracted block are late news of something no longer true: skipped. A fact already stored with another
    // block hash is the same log mined again in the new branch of a reorg whose retraction has not been applied yet:
    // the new position replaces the old (the retraction deletes by the old block's hash, so it leaves this one alone).
    // Only facts stored or moved now come back, so a redelivered batch records no activity twice.
    private const string InsertSql =
        "WITH incoming AS (SELECT * FROM unnest(@tx::text[], @li::integer[], @bi::integer[], @c::text[], @tid::text[], @std::text[], @kind::text[], "
        + "  @op::text[], @fr::text[], @to::text[], @amt::text[], @bn::bigint[], @bh::text[], @bt::timestamptz[]) "
        + "  AS x(tx_hash, log_index, batch_index, contract, token_id, standard, kind, operator, from_address, to_address, amount, block_number, block_hash, block_time) "
        + "  WHERE NOT EXISTS (SELECT 1 FROM " + Schema + ".retracted_blocks r WHERE r.chain_id = @chain AND r.block_hash = x.block_hash)), "
        + "facts AS (INSERT INTO " + Schema + ".ownership_transfers AS f (chain_id, tx_hash, log_index, batch_index, contract, token_id, standard, kind, "
        + "  operator, from_address, to_address, amount, block_number, block_hash, block_time) "
        + "  SELECT @chain, tx_hash, log_index, batch_index, contract, token_id::numeric, standard, kind, operator, from_address, to_address, "
        + "  amount::numeric, block_number, block_hash, block_time FROM incoming "
        + "  ON CONFLICT (chain_id, tx_hash, log_index, batch_index) DO UPDATE SET block_number = excluded.block_number, "
        + "  block_hash = excluded.block_hash, block_time = excluded.block_time WHERE f.block_hash <> excluded.block_hash "
        + "  RETURNING tx_hash, log_index, batch_index, contract, token_id, standard, kind, from_address, to_address, amount, block_number, block_hash, block_time), "
        + "activity AS (SELECT tx_hash, log_index, batch_index, upper(kind) AS type, contract, token_id, "
        + "  CASE WHEN kind = 'mint' THEN NULL ELSE from_address END AS from_address, CASE WHEN kind = 'burn' THEN NULL ELSE to_address END AS to_address, "
        + "  amount AS quantity, block_number, block_hash, block_time, standard FROM facts), "
        + "recorded AS (INSERT INTO " + Schema + ".activities AS a (chain_id, tx_hash, log_index, batch_index, type, contract, token_id, from_address, "
        + "  to_address, quantity, block_number, block_hash, block_time) "
        + "  SELECT @chain, tx_hash, log_index, batch_index, type, contract, token_id, from_address, to_address, quantity, block_number, block_hash, block_time "
        + "  FROM activity ON CONFLICT (chain_id, tx_hash, log_index, batch_index) DO UPDATE SET block_number = excluded.block_number, "
        + "  block_hash = excluded.block_hash, block_time = excluded.block_time) "
        + "SELECT a.tx_hash, a.log_index, a.batch_index, a.type, a.contract, a.token_id::text, a.from_address, a.to_address, a.quantity::text, "
        + "  a.block_number, a.block_time, a.standard FROM activity a";

    /// <summary>Applies <paramref name="transfers"/> of <paramref name="chain"/> (already validated).</summary>
    public async Task ApplyAsync(string chain, IReadOnlyList<TokenTransfer> transfers, CancellationToken cancellationToken)
    {
        if (transfers.Count == 0)
        {
            return;
        }

        var contracts = transfers.Select(t => t.Contract).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await state.LockCollectionsAsync(chain, contracts, cancellationToken);

        var applied = await InsertAsync(chain, transfers, cancellationToken);
        if (applied.Count == 0)
        {
            return;
        }

        var tokens = applied.Select(a => new TokenKey(a.Activity.Contract, a.Activity.TokenId!)).Distinct().ToList();
        await state.RecomputeTokensAsync(chain, tokens, cancellationToken);
        await state.RecomputeCollectionsAsync(chain, [.. tokens.Select(t => t.Contract).Distinct(StringComparer.Ordinal)], cancellationToken);

        foreach (var @event in CatalogEvents.Activities(chain, applied.Select(a => a.Activity), retracted: false))
        {
            db.AddIntegrationEvent(@event);
        }

        foreach (var @event in CatalogEvents.Mints(chain, applied.Where(a => a.Activity.Type == ActivityTypes.Mint).Select(a => (a.Activity, a.Standard)), retracted: false))
        {
            db.AddIntegrationEvent(@event);
        }
    }

    private async Task<List<(ActivityDto Activity, string Standard)>> InsertAsync(
        string chain, IReadOnlyList<TokenTransfer> transfers, CancellationToken cancellationToken)
    {
        await using var command = IngestionSql.Command(db, InsertSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("tx", transfers.Select(t => t.Position.TxHash).ToArray());
        command.Parameters.AddWithValue("li", transfers.Select(t => t.Position.LogIndex).ToArray());
        command.Parameters.AddWithValue("bi", transfers.Select(t => t.BatchIndex).ToArray());
        command.Parameters.AddWithValue("c", transfers.Select(t => t.Contract).ToArray());
        command.Parameters.AddWithValue("tid", transfers.Select(t => t.TokenId).ToArray());
        command.Parameters.AddWithValue("std", transfers.Select(t => t.Standard).ToArray());
        command.Parameters.AddWithValue("kind", transfers.Select(t => t.Kind).ToArray());
        command.Parameters.AddTexts("op", transfers.Select(t => t.Operator));
        command.Parameters.AddWithValue("fr", transfers.Select(t => t.From).ToArray());
        command.Parameters.AddWithValue("to", transfers.Select(t => t.To).ToArray());
        command.Parameters.AddWithValue("amt", transfers.Select(t => t.Amount).ToArray());
        command.Parameters.AddWithValue("bn", transfers.Select(t => t.Position.BlockNumber).ToArray());
        command.Parameters.AddWithValue("bh", transfers.Select(t => t.Position.BlockHash).ToArray());
        command.Parameters.AddWithValue("bt", transfers.Select(t => t.Position.BlockTime.ToUniversalTime()).ToArray());

        var applied = new List<(ActivityDto, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((CatalogEvents.ReadActivity(chain, reader), reader.GetString(11)));
        }

        return applied;
    }
}
