using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Domain;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// <c>subs.catalog.retractions</c>: a reorg took blocks away. Their hashes are remembered (a fact from one of them that
/// arrives later is skipped), exactly the retracted facts are deleted — transfers and their activities, setting facts,
/// the collections whose creation was retracted — and what they touched is recomputed from the facts that remain
/// (tokens with none left disappear). Subscribers learn it with <c>Retracted = true</c>: the activities (same ids and
/// fields), the mints per transaction, the collections no longer shown; a collection whose owner or royalty changed
/// back is published as upserted.
/// </summary>
internal sealed class RetractionsOnEventsRetracted(CatalogDbContext db, DerivedState state, TimeProvider clock)
    : IIntegrationEventHandler<EventsRetracted>
{
    public const string Queue = "subs.catalog.retractions";

    private const string Schema = CatalogModule.Schema;

    private const string RememberSql =
        "INSERT INTO " + Schema + ".retracted_blocks (chain_id, block_hash, block_number, retracted_at) "
        + "SELECT @chain, h, @fork + n, @now FROM unnest(@h::text[]) WITH ORDINALITY AS x(h, n) ON CONFLICT DO NOTHING";

    // By the retracted logs' keys (their primary key's prefix) and the retracted block's hash: a log already mined again
    // in the new branch, and stored with its new block, stays.
    private const string Logs =
        "logs AS (SELECT tx, li, bh FROM unnest(@tx::text[], @li::integer[], @bh::text[]) AS x(tx, li, bh))";

    private const string DeleteTransfersSql =
        "WITH " + Logs + ", "
        + "facts AS (DELETE FROM " + Schema + ".ownership_transfers f USING logs l "
        + "  WHERE f.chain_id = @chain AND f.tx_hash = l.tx AND f.log_index = l.li AND f.block_hash = l.bh RETURNING f.contract, f.token_id, f.standard), "
        + "activity AS (DELETE FROM " + Schema + ".activities a USING logs l "
        + "  WHERE a.chain_id = @chain AND a.tx_hash = l.tx AND a.log_index = l.li AND a.block_hash = l.bh "
        + "  RETURNING a.tx_hash, a.log_index, a.batch_index, a.type, a.contract, a.token_id::text AS token_id, a.from_address, a.to_address, "
        + "  a.quantity::text AS quantity, a.block_number, a.block_time) "
        + "SELECT *, NULL::text AS standard FROM activity "
        + "UNION ALL "
        + "SELECT DISTINCT NULL, NULL::integer, NULL::integer, NULL, contract, token_id::text, NULL, NULL, NULL, NULL::bigint, NULL::timestamptz, standard FROM facts";

    private const string DeleteSettingsSql =
        "WITH " + Logs + " "
        + "DELETE FROM " + Schema + ".collection_setting_facts f USING logs l "
        + "WHERE f.chain_id = @chain AND f.tx_hash = l.tx AND f.log_index = l.li AND f.block_hash = l.bh RETURNING f.contract";

    // The collection, its counts and roles go with its creation (all its facts came after it, so they are retracted too).
    private const string DeleteCollectionsSql =
        "WITH gone AS (DELETE FROM " + Schema + ".collections c USING unnest(@a::text[], @bh::text[]) AS x(a, bh) "
        + "  WHERE c.chain_id = @chain AND c.address = x.a AND c.deployed_block_hash = x.bh RETURNING c.*), "
        + "stats AS (DELETE FROM " + Schema + ".collection_stats s USING gone g WHERE s.chain_id = @chain AND s.address = g.address), "
        + "dirty AS (DELETE FROM " + Schema + ".collection_dirty d USING gone g WHERE d.chain_id = @chain AND d.address = g.address) "
        + "SELECT address, standard, source, creator, owner, name, deployed_block, deployed_tx_hash FROM gone";

    public async Task Handle(EventsRetracted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = IngestionMessages.Chain(@event.ChainId);
        IngestionMessages.Retraction(@event);

        await state.LockCollectionsAsync(chain, @event.Facts.Select(f => f.Contract), cancellationToken);
        await RememberAsync(chain, @event, cancellationToken);

        var transfers = @event.Facts.Where(f => f.Kind is FactKinds.Mint or FactKinds.Transfer).ToList();
        var (activities, tokens) = await DeleteTransfersAsync(chain, transfers, cancellationToken);
        var settings = await DeleteSettingsAsync(chain, @event.Facts.Where(f => f.Kind == FactKinds.Setting).ToList(), cancellationToken);
        var collections = await DeleteCollectionsAsync(chain, @event.Facts.Where(f => f.Kind == FactKinds.CollectionCreated).ToList(), cancellationToken);
        var gone = collections.Select(c => c.Address).ToHashSet(StringComparer.Ordinal);

        await state.RecomputeTokensAsync(chain, [.. tokens.Keys], cancellationToken);
        await state.RecomputeCollectionsAsync(chain, [.. tokens.Keys.Select(t => t.Contract).Distinct(StringComparer.Ordinal).Where(c => !gone.Contains(c))], cancellationToken);
        var changed = await state.DeriveSettingsAsync(chain, [.. settings.Where(c => !gone.Contains(c))], cancellationToken);

        foreach (var message in CatalogEvents.Activities(chain, activities, retracted: true))
        {
            db.AddIntegrationEvent(message);
        }

        var mints = activities.Where(a => a.Type == ActivityTypes.Mint)
            .Select(a => (a, tokens.GetValueOrDefault(new TokenKey(a.Contract, a.TokenId!), "")));
        foreach (var message in CatalogEvents.Mints(chain, mints, retracted: true))
        {
            db.AddIntegrationEvent(message);
        }

        foreach (var collection in collections)
        {
            db.AddIntegrationEvent(CatalogEvents.Collection(collection, retracted: true));
        }

        if (changed.Count > 0)
        {
            var rows = await db.Collections.AsNoTracking()
                .Where(c => c.ChainId == chain && changed.Contains(c.Address))
                .OrderBy(c => c.Address)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                db.AddIntegrationEvent(CatalogEvents.Collection(row, retracted: false));
            }
        }
    }

    private async Task RememberAsync(string chain, EventsRetracted @event, CancellationToken cancellationToken)
    {
        await using var command = IngestionSql.Command(db, RememberSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("fork", @event.ForkBlock);
        command.Parameters.AddWithValue("h", @event.RetractedBlocks.ToArray());
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>The deleted activities, and the touched tokens with their standard.</returns>
    private async Task<(List<ActivityDto> Activities, Dictionary<TokenKey, string> Tokens)> DeleteTransfersAsync(
        string chain, List<RetractedFact> facts, CancellationToken cancellationToken)
    {
        var activities = new List<ActivityDto>();
        var tokens = new Dictionary<TokenKey, string>();
        if (facts.Count == 0)
        {
            return (activities, tokens);
        }

        await using var command = LogsCommand(chain, DeleteTransfersSql, facts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                tokens[new TokenKey(reader.GetString(4), reader.GetString(5))] = reader.GetString(11);
            }
            else
            {
                activities.Add(CatalogEvents.ReadActivity(chain, reader));
            }
        }

        return (activities, tokens);
    }

    private async Task<List<string>> DeleteSettingsAsync(string chain, List<RetractedFact> facts, CancellationToken cancellationToken)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        if (facts.Count == 0)
        {
            return [];
        }

        await using var command = LogsCommand(chain, DeleteSettingsSql, facts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touched.Add(reader.GetString(0));
        }

        return [.. touched.Order(StringComparer.Ordinal)];
    }

    private async Task<List<Collection>> DeleteCollectionsAsync(string chain, List<RetractedFact> facts, CancellationToken cancellationToken)
    {
        var gone = new List<Collection>();
        if (facts.Count == 0)
        {
            return gone;
        }

        await using var command = IngestionSql.Command(db, DeleteCollectionsSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("a", facts.Select(f => f.Contract).ToArray());
        command.Parameters.AddWithValue("bh", facts.Select(f => f.Position.BlockHash).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            gone.Add(new Collection
            {
                ChainId = chain,
                Address = reader.GetString(0),
                Standard = reader.GetString(1),
                Source = reader.GetString(2),
                Creator = reader.IsDBNull(3) ? null : reader.GetString(3),
                Owner = reader.IsDBNull(4) ? null : reader.GetString(4),
                Name = reader.IsDBNull(5) ? null : reader.GetString(5),
                DeployedBlock = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                DeployedTxHash = reader.IsDBNull(7) ? null : reader.GetString(7),
                Slug = "",
            });
        }

        return gone;
    }

    private Npgsql.NpgsqlCommand LogsCommand(string chain, string sql, List<RetractedFact> facts)
    {
        var command = IngestionSql.Command(db, sql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("tx", facts.Select(f => f.Position.TxHash).ToArray());
        command.Parameters.AddWithValue("li", facts.Select(f => f.Position.LogIndex).ToArray());
        command.Parameters.AddWithValue("bh", facts.Select(f => f.Position.BlockHash).ToArray());
        return command;
    }
}
