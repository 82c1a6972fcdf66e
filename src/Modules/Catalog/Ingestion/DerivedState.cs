using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// Recomputes the chain-derived rows of exactly the keys a batch touched, from every fact stored for them — never by
/// applying a delta. So a batch applied twice, batches in any order and a retraction (which only deletes facts) all end
/// in the same state: the one the facts say. Each method is one statement for the whole batch.
/// </summary>
internal sealed class DerivedState(CatalogDbContext db, TimeProvider clock)
{
    private const string Schema = CatalogModule.Schema;

    private const string Touched =
        "touched AS (SELECT DISTINCT c AS contract, t::numeric AS token_id FROM unnest(@c::text[], @t::text[]) AS x(c, t))";

    // ERC-721: the owner is the recipient of the fact with the highest position, none once that is a burn; supply is 1
    // or 0. ERC-1155: supply is minted − burned (never shown below 0 while a burn's mint is still on its way). A token
    // whose supply turns positive or zero marks its collection's traits and rarity for recomputing.
    // Everything per token comes from one aggregation over its facts, and what is gone is found with a hashed NOT IN:
    // a join of two CTEs is planned from estimates that know nothing of a batch's size, and a nested loop over two sets
    // of 5,000 tokens costs seconds.
    private const string TokensSql =
        "WITH " + Touched + ", "
        + "computed AS (SELECT f.contract, f.token_id, "
        + "  (array_agg(f.standard ORDER BY f.block_number DESC, f.log_index DESC, f.batch_index DESC))[1] AS standard, "
        + "  (array_agg(f.kind ORDER BY f.block_number DESC, f.log_index DESC, f.batch_index DESC))[1] AS kind, "
        + "  (array_agg(f.to_address ORDER BY f.block_number DESC, f.log_index DESC, f.batch_index DESC))[1] AS to_address, "
        + "  (array_agg(f.block_number ORDER BY f.block_number DESC, f.log_index DESC, f.batch_index DESC))[1] AS block_number, "
        + "  (array_agg(f.log_index ORDER BY f.block_number DESC, f.log_index DESC, f.batch_index DESC))[1] AS log_index, "
        + "  coalesce(sum(f.amount) FILTER (WHERE f.kind = 'mint'), 0) - coalesce(sum(f.amount) FILTER (WHERE f.kind = 'burn'), 0) AS net, "
        + "  bool_or(f.kind = 'burn') AS any_burn, "
        + "  (array_agg(f.block_number ORDER BY f.block_number, f.log_index, f.batch_index) FILTER (WHERE f.kind = 'mint'))[1] AS minted_block, "
        + "  (array_agg(f.block_time ORDER BY f.block_number, f.log_index, f.batch_index) FILTER (WHERE f.kind = 'mint'))[1] AS minted_at, "
        + "  (array_agg(f.tx_hash ORDER BY f.block_number, f.log_index, f.batch_index) FILTER (WHERE f.kind = 'mint'))[1] AS minted_tx_hash "
        + "  FROM " + Schema + ".ownership_transfers f JOIN touched x ON f.contract = x.contract AND f.token_id = x.token_id "
        + "  WHERE f.chain_id = @chain GROUP BY f.contract, f.token_id), "
        + "derived AS (SELECT contract, token_id, standard, "
        + "  CASE WHEN standard = 'erc721' AND kind <> 'burn' THEN to_address END AS owner, "
        + "  CASE WHEN standard = 'erc721' AND kind <> 'burn' THEN block_number END AS owner_block, "
        + "  CASE WHEN standard = 'erc721' AND kind <> 'burn' THEN log_index END AS owner_log_index, "
        + "  CASE WHEN standard = 'erc721' THEN CASE WHEN kind = 'burn' THEN 0 ELSE 1 END ELSE greatest(net, 0) END::numeric AS supply, "
        + "  CASE WHEN standard = 'erc721' THEN kind = 'burn' ELSE any_burn AND net <= 0 END AS burned, "
        + "  minted_block, minted_at, minted_tx_hash FROM computed), "
        + "previous AS (SELECT t.contract, t.token_id, t.supply FROM " + Schema + ".tokens t "
        + "  JOIN touched x ON t.contract = x.contract AND t.token_id = x.token_id WHERE t.chain_id = @chain), "
        + "removed AS (DELETE FROM " + Schema + ".tokens t USING touched x "
        + "  WHERE t.chain_id = @chain AND t.contract = x.contract AND t.token_id = x.token_id "
        + "  AND (t.contract, t.token_id) NOT IN (SELECT contract, token_id FROM derived)), "
        + "upserted AS (INSERT INTO " + Schema + ".tokens AS t (chain_id, contract, token_id, standard, owner, owner_block, owner_log_index, "
        + "  supply, burned, minted_block, minted_at, minted_tx_hash, created_at, updated_at) "
        + "  SELECT @chain, contract, token_id, standard, owner, owner_block, owner_log_index, supply, burned, minted_block, minted_at, minted_tx_hash, @now, @now "
        + "  FROM derived "
        + "  ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET standard = excluded.standard, owner = excluded.owner, "
        + "  owner_block = excluded.owner_block, owner_log_index = excluded.owner_log_index, supply = excluded.supply, burned = excluded.burned, "
        + "  minted_block = excluded.minted_block, minted_at = excluded.minted_at, minted_tx_hash = excluded.minted_tx_hash, updated_at = excluded.updated_at "
        + "  WHERE (t.standard, t.owner, t.owner_block, t.owner_log_index, t.supply, t.burned, t.minted_block, t.minted_at, t.minted_tx_hash) "
        + "  IS DISTINCT FROM (excluded.standard, excluded.owner, excluded.owner_block, excluded.owner_log_index, excluded.supply, excluded.burned, "
        + "  excluded.minted_block, excluded.minted_at, excluded.minted_tx_hash)), "
        + "appeared AS (SELECT DISTINCT coalesce(c.contract, p.contract) AS contract "
        + "  FROM derived c FULL JOIN previous p ON p.contract = c.contract AND p.token_id = c.token_id "
        + "  WHERE (coalesce(c.supply, 0) > 0) IS DISTINCT FROM (coalesce(p.supply, 0) > 0)) "
        + "INSERT INTO " + Schema + ".collection_dirty (chain_id, address, dirty_since, reason) "
        + "SELECT @chain, contract, @now, 'tokens' FROM appeared ON CONFLICT (chain_id, address) DO UPDATE SET reason = excluded.reason";

    // Σ in − Σ out per holder, ERC-721 included; only positive balances keep a row.
    private const string BalancesSql =
        "WITH " + Touched + ", "
        + "moves AS ("
        + "  SELECT f.contract, f.token_id, f.to_address AS holder, f.amount AS delta FROM " + Schema + ".ownership_transfers f "
        + "  JOIN touched x ON f.contract = x.contract AND f.token_id = x.token_id WHERE f.chain_id = @chain AND f.kind <> 'burn' "
        + "  UNION ALL "
        + "  SELECT f.contract, f.token_id, f.from_address, -f.amount FROM " + Schema + ".ownership_transfers f "
        + "  JOIN touched x ON f.contract = x.contract AND f.token_id = x.token_id WHERE f.chain_id = @chain AND f.kind <> 'mint'), "
        + "computed AS (SELECT contract, token_id, holder, sum(delta) AS quantity FROM moves GROUP BY contract, token_id, holder HAVING sum(delta) > 0), "
        + "removed AS (DELETE FROM " + Schema + ".token_balances b USING touched x "
        + "  WHERE b.chain_id = @chain AND b.contract = x.contract AND b.token_id = x.token_id "
        + "  AND (b.contract, b.token_id, b.owner) NOT IN (SELECT contract, token_id, holder FROM computed)) "
        + "INSERT INTO " + Schema + ".token_balances AS b (chain_id, contract, token_id, owner, quantity, updated_at) "
        + "SELECT @chain, contract, token_id, holder, quantity, @now FROM computed "
        + "ON CONFLICT (chain_id, contract, token_id, owner) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at "
        + "WHERE b.quantity <> excluded.quantity";

    // Counted from the derived rows the statements before wrote in this transaction; total_minted counts the tokens
    // (ERC-1155: ids) that have a mint fact.
    private const string CollectionsSql =
        "WITH touched AS (SELECT DISTINCT a AS address FROM unnest(@a::text[]) AS x(a)), "
        + "counts AS (SELECT x.address, "
        + "  (SELECT count(*) FROM " + Schema + ".tokens t WHERE t.chain_id = @chain AND t.contract = x.address AND t.supply > 0)::int AS items, "
        + "  (SELECT count(DISTINCT b.owner) FROM " + Schema + ".token_balances b WHERE b.chain_id = @chain AND b.contract = x.address)::int AS owners, "
        + "  (SELECT count(*) FROM " + Schema + ".tokens t WHERE t.chain_id = @chain AND t.contract = x.address AND t.minted_block IS NOT NULL)::numeric AS minted "
        + "  FROM touched x), "
        + "totals AS (UPDATE " + Schema + ".collections c SET total_minted = k.minted, updated_at = @now FROM counts k "
        + "  WHERE c.chain_id = @chain AND c.address = k.address AND c.total_minted <> k.minted) "
        + "INSERT INTO " + Schema + ".collection_stats AS s (chain_id, address, items_count, owners_count, volume, sales_count, updated_at) "
        + "SELECT @chain, address, items, owners, 0, 0, @now FROM counts "
        + "ON CONFLICT (chain_id, address) DO UPDATE SET items_count = excluded.items_count, owners_count = excluded.owners_count, updated_at = excluded.updated_at "
        + "WHERE (s.items_count, s.owners_count) IS DISTINCT FROM (excluded.items_count, excluded.owners_count)";

    // Owner: the latest ownership fact, or grant/revocation of the default admin role (the factory's collections' owner);
    // royalty: the latest royalty fact. Without facts, a factory collection's owner is its creator (as announced) and
    // the rest stays as announced.
    private const string SettingsSql =
        "WITH touched AS (SELECT DISTINCT a AS address FROM unnest(@a::text[]) AS x(a)), "
        + "facts AS (SELECT f.* FROM " + Schema + ".collection_setting_facts f JOIN touched x ON f.contract = x.address WHERE f.chain_id = @chain), "
        + "owners AS (SELECT DISTINCT ON (contract) contract, "
        + "  CASE WHEN kind = 'role_revoked' OR account = @zero THEN NULL ELSE account END AS owner FROM facts "
        + "  WHERE kind = 'ownership' OR (kind IN ('role_granted', 'role_revoked') AND role = @admin) "
        + "  ORDER BY contract, block_number DESC, log_index DESC), "
        + "royalties AS (SELECT DISTINCT ON (contract) contract, royalty_receiver, royalty_bps FROM facts WHERE kind = 'royalty' "
        + "  ORDER BY contract, block_number DESC, log_index DESC), "
        + "derived AS (SELECT c.address, "
        + "  CASE WHEN o.contract IS NOT NULL THEN o.owner WHEN c.source = 'factory' THEN c.creator ELSE c.owner END AS owner, "
        + "  CASE WHEN r.contract IS NOT NULL THEN r.royalty_receiver ELSE c.royalty_receiver END AS royalty_receiver, "
        + "  CASE WHEN r.contract IS NOT NULL THEN coalesce(r.royalty_bps, 0) ELSE c.royalty_bps END AS royalty_bps "
        + "  FROM " + Schema + ".collections c JOIN touched x ON c.address = x.address "
        + "  LEFT JOIN owners o ON o.contract = c.address LEFT JOIN royalties r ON r.contract = c.address WHERE c.chain_id = @chain) "
        + "UPDATE " + Schema + ".collections c SET owner = d.owner, royalty_receiver = d.royalty_receiver, royalty_bps = d.royalty_bps, updated_at = @now "
        + "FROM derived d WHERE c.chain_id = @chain AND c.address = d.address "
        + "AND (c.owner, c.royalty_receiver, c.royalty_bps) IS DISTINCT FROM (d.owner, d.royalty_receiver, d.royalty_bps) "
        + "RETURNING c.address";

    // A role is held when its latest fact for the account is a grant.
    private const string RolesSql =
        "WITH touched AS (SELECT DISTINCT a AS address FROM unnest(@a::text[]) AS x(a)), "
        + "latest AS (SELECT DISTINCT ON (f.contract, f.role, f.account) f.contract, f.role, f.account, f.kind, f.block_number, f.block_time "
        + "  FROM " + Schema + ".collection_setting_facts f JOIN touched x ON f.contract = x.address "
        + "  WHERE f.chain_id = @chain AND f.kind IN ('role_granted', 'role_revoked') AND f.role IS NOT NULL AND f.account IS NOT NULL "
        + "  ORDER BY f.contract, f.role, f.account, f.block_number DESC, f.log_index DESC), "
        + "granted AS (SELECT * FROM latest WHERE kind = 'role_granted'), "
        + "removed AS (DELETE FROM " + Schema + ".collection_roles r USING touched x WHERE r.chain_id = @chain AND r.address = x.address "
        + "  AND NOT EXISTS (SELECT 1 FROM granted g WHERE g.contract = r.address AND g.role = r.role AND g.account = r.account)) "
        + "INSERT INTO " + Schema + ".collection_roles AS r (chain_id, address, role, account, granted_block, granted_at) "
        + "SELECT @chain, contract, role, account, block_number, block_time FROM granted "
        + "ON CONFLICT (chain_id, address, role, account) DO UPDATE SET granted_block = excluded.granted_block, granted_at = excluded.granted_at "
        + "WHERE r.granted_block <> excluded.granted_block";

    // Sorted, so two deliveries locking overlapping sets always queue in the same order and never deadlock.
    private const string LockSql =
        "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(@chain || '/' || a, 0) AS k FROM unnest(@a::text[]) AS x(a) ORDER BY k) AS s";

    /// <summary>
    /// Serializes the deliveries that touch the same collections, until the transaction ends: a delivery recomputes from
    /// facts only after every earlier one touching them has committed its facts, and a later one waits for its
    /// recompute — so concurrent consumers (replicas, prefetch) never leave a derived row stale. Call it first.
    /// </summary>
    public async Task LockCollectionsAsync(string chain, IEnumerable<string> contracts, CancellationToken cancellationToken)
    {
        var keys = contracts.Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = IngestionSql.Command(db, LockSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("a", keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Tokens (and the dirty marks of their collections) and balances of <paramref name="tokens"/>, from their facts.</summary>
    public async Task RecomputeTokensAsync(string chain, IReadOnlyCollection<TokenKey> tokens, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var sql in new[] { TokensSql, BalancesSql })
        {
            await using var command = IngestionSql.Command(db, sql);
            command.Parameters.AddWithValue("chain", chain);
            command.Parameters.AddWithValue("c", tokens.Select(t => t.Contract).ToArray());
            command.Parameters.AddWithValue("t", tokens.Select(t => t.TokenId).ToArray());
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Stats and total minted of <paramref name="contracts"/>, from their tokens and balances.</summary>
    public async Task RecomputeCollectionsAsync(string chain, IReadOnlyCollection<string> contracts, CancellationToken cancellationToken)
    {
        if (contracts.Count == 0)
        {
            return;
        }

        await using var command = IngestionSql.Command(db, CollectionsSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("a", contracts.ToArray());
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Owner, royalty and roles of <paramref name="contracts"/>, from their setting facts.</summary>
    /// <returns>The collections whose owner or royalty changed.</returns>
    public async Task<IReadOnlyList<string>> DeriveSettingsAsync(string chain, IReadOnlyCollection<string> contracts, CancellationToken cancellationToken)
    {
        if (contracts.Count == 0)
        {
            return [];
        }

        await using (var roles = IngestionSql.Command(db, RolesSql))
        {
            roles.Parameters.AddWithValue("chain", chain);
            roles.Parameters.AddWithValue("a", contracts.ToArray());
            await roles.ExecuteNonQueryAsync(cancellationToken);
        }

        var changed = new List<string>();
        await using var settings = IngestionSql.Command(db, SettingsSql);
        settings.Parameters.AddWithValue("chain", chain);
        settings.Parameters.AddWithValue("a", contracts.ToArray());
        settings.Parameters.AddWithValue("zero", IngestionSql.ZeroAddress);
        settings.Parameters.AddWithValue("admin", SettingChange.Roles.DefaultAdmin);
        settings.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await settings.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetString(0));
        }

        return changed;
    }
}
