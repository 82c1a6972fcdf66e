using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Rarity;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.Traits;

/// <summary>
/// Recomputes one dirty collection in one transaction: takes a due <c>collection_dirty</c> row under a
/// transaction-level advisory lock of its own (one replica per collection), loads its live tokens (supply &gt; 0) with
/// their attributes in one query, derives <c>traits</c> and <c>trait_values</c> (<see cref="CollectionTraits"/>) and
/// OpenRarity scores and ranks (<see cref="OpenRarityRanker"/>) in memory, writes each table with one <c>unnest</c>
/// statement plus one for what is gone, and deletes the dirty row only if nobody marked it again meanwhile. The row
/// itself is never locked while the recompute runs: the consumers that mark it (with every batch of a backfill) must
/// not wait for a recompute of the whole collection.
/// </summary>
internal sealed class CollectionRecompute(CatalogDbContext db, CatalogReadVersion? versions = null)
{
    private const string Schema = CatalogModule.Schema;

    // The oldest due collection no other replica is recomputing. The lock is tried row by row in dirty_since order and
    // the search stops at the first it gets, so no other collection stays locked. The row version (xmin) tells the
    // clean-up whether a consumer marked the collection again meanwhile (every mark updates the row).
    private const string TakeDirty =
        "SELECT chain_id, address, version FROM (SELECT chain_id, address, dirty_since, xmin::text AS version FROM " + Schema + ".collection_dirty "
        + "  WHERE dirty_since <= now() - $1 ORDER BY dirty_since LIMIT 16) AS due "
        + "WHERE pg_try_advisory_xact_lock(hashtextextended('traits/' || chain_id || '/' || address, 0)) LIMIT 1";

    // Token order is the ranker's input order, which breaks its ties: ascending ids, as the collection numbers them.
    private const string LiveTokens =
        "SELECT t.token_id::text, COALESCE(m.attributes, '[]'::jsonb)::text "
        + "FROM " + Schema + ".tokens t "
        + "LEFT JOIN " + Schema + ".metadata_docs m ON m.chain_id = t.chain_id AND m.contract = t.contract AND m.token_id = t.token_id "
        + "WHERE t.chain_id = $1 AND t.contract = $2 AND t.supply > 0 "
        + "ORDER BY t.token_id";

    private const string UpsertTraits =
        "INSERT INTO " + Schema + ".traits AS tr (chain_id, contract, normalized_name, name, value_type, display_type, max_value) "
        + "SELECT $1, $2, x.normalized_name, x.name, x.value_type, x.display_type, x.max_value "
        + "FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::double precision[]) AS x(normalized_name, name, value_type, display_type, max_value) "
        + "ON CONFLICT (chain_id, contract, normalized_name) DO UPDATE SET "
        + "value_type = excluded.value_type, display_type = excluded.display_type, max_value = excluded.max_value "
        + "WHERE (tr.value_type, tr.display_type, tr.max_value) IS DISTINCT FROM (excluded.value_type, excluded.display_type, excluded.max_value)";

    private const string DeleteTraits =
        "DELETE FROM " + Schema + ".traits WHERE chain_id = $1 AND contract = $2 AND normalized_name <> ALL($3::text[])";

    private const string UpsertValues =
        "INSERT INTO " + Schema + ".trait_values AS v (chain_id, contract, normalized_name, normalized_value, value, count) "
        + "SELECT $1, $2, x.normalized_name, x.normalized_value, x.value, x.count "
        + "FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS x(normalized_name, normalized_value, value, count) "
        + "ON CONFLICT (chain_id, contract, normalized_name, normalized_value) DO UPDATE SET count = excluded.count "
        + "WHERE v.count <> excluded.count";

    private const string DeleteValues =
        "DELETE FROM " + Schema + ".trait_values v WHERE v.chain_id = $1 AND v.contract = $2 "
        + "AND NOT EXISTS (SELECT 1 FROM unnest($3::text[], $4::text[]) AS x(normalized_name, normalized_value) "
        + "  WHERE x.normalized_name = v.normalized_name AND x.normalized_value = v.normalized_value)";

    private const string UpsertRarity =
        "INSERT INTO " + Schema + ".token_rarity AS r (chain_id, contract, token_id, score, rank, method, computed_at) "
        + "SELECT $1, $2, x.token_id::numeric, x.score, x.rank, $6, now() "
        + "FROM unnest($3::text[], $4::double precision[], $5::int[]) AS x(token_id, score, rank) "
        + "ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET score = excluded.score, rank = excluded.rank, "
        + "method = excluded.method, computed_at = excluded.computed_at "
        + "WHERE (r.score, r.rank, r.method) IS DISTINCT FROM (excluded.score, excluded.rank, excluded.method)";

    private const string DeleteRarity =
        "DELETE FROM " + Schema + ".token_rarity r WHERE r.chain_id = $1 AND r.contract = $2 "
        // An anti-join (hashed), not `<> ALL(array)`, which compares every row with every id.
        + "AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]::numeric[]) AS x(token_id) WHERE x.token_id = r.token_id)";

    // Marked again while it ran (a backfill marks with every batch): due again only after as long as this pass took, so
    // a collection that keeps changing costs at most about half the time of one core.
    private const string Clean =
        "WITH cleaned AS (DELETE FROM " + Schema + ".collection_dirty WHERE chain_id = $1 AND address = $2 AND xmin::text = $3 RETURNING 1) "
        + "UPDATE " + Schema + ".collection_dirty SET dirty_since = now() + $4 WHERE chain_id = $1 AND address = $2 AND NOT EXISTS (SELECT 1 FROM cleaned)";

    private const string Postpone =
        "UPDATE " + Schema + ".collection_dirty SET dirty_since = now() + $3 WHERE chain_id = $1 AND address = $2";

    private static readonly TimeSpan PassTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Recomputes the oldest collection dirty for longer than <paramref name="debounce"/>; false when none is.</summary>
    public Task<bool> NextAsync(TimeSpan debounce, CancellationToken cancellationToken) =>
        RunAsync(debounce, cancellationToken);

    /// <summary>The recompute itself, without a dirty row: what the benchmark times. Returns the live tokens.</summary>
    internal async Task<int> RecomputeAsync(string chainId, string contract, CancellationToken cancellationToken)
    {
        var tokens = await db.QueryAsync(LiveTokens, r => (Id: r.GetString(0), Attributes: r.GetString(1)), cancellationToken, chainId, contract)
            .ConfigureAwait(false);
        var traits = new CollectionTraits();
        foreach (var (_, attributes) in tokens)
        {
            traits.Add(attributes);
        }

        var names = traits.Traits.ToList();
        await db.ExecuteAsync(
            UpsertTraits,
            cancellationToken,
            chainId,
            contract,
            names.Select(t => t.NormalizedName).ToArray(),
            names.Select(t => t.Name).ToArray(),
            names.Select(t => t.ValueType).ToArray(),
            names.Select(t => t.DisplayType).ToArray(),
            names.Select(t => t.MaxValue).ToArray()).ConfigureAwait(false);
        await db.ExecuteAsync(DeleteTraits, cancellationToken, chainId, contract, names.Select(t => t.NormalizedName).ToArray()).ConfigureAwait(false);

        var values = traits.Values.ToList();
        await db.ExecuteAsync(
            UpsertValues,
            cancellationToken,
            chainId,
            contract,
            values.Select(v => v.NormalizedName).ToArray(),
            values.Select(v => v.NormalizedValue).ToArray(),
            values.Select(v => v.Value).ToArray(),
            values.Select(v => v.Count).ToArray()).ConfigureAwait(false);
        await db.ExecuteAsync(
            DeleteValues, cancellationToken, chainId, contract, values.Select(v => v.NormalizedName).ToArray(), values.Select(v => v.NormalizedValue).ToArray())
            .ConfigureAwait(false);

        var ranks = OpenRarityRanker.Rank(traits.RankerInput);
        var ids = tokens.Select(t => t.Id).ToArray();
        await db.ExecuteAsync(
            UpsertRarity,
            cancellationToken,
            chainId,
            contract,
            ids,
            ranks.Select(r => r.Score).ToArray(),
            ranks.Select(r => r.Rank).ToArray(),
            OpenRarityRanker.Method).ConfigureAwait(false);
        await db.ExecuteAsync(DeleteRarity, cancellationToken, chainId, contract, ids).ConfigureAwait(false);
        return tokens.Count;
    }

    private async Task<bool> RunAsync(TimeSpan debounce, CancellationToken cancellationToken)
    {
        // A pass over a collection of 100,000 tokens can outlast a request's time-out on a busy machine; it holds nothing
        // anyone waits for.
        db.Database.SetCommandTimeout(PassTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var dirty = await db.QueryAsync(TakeDirty, r => (Chain: r.GetString(0), Address: r.GetString(1), Version: r.GetString(2)), cancellationToken, debounce)
            .ConfigureAwait(false);
        if (dirty.Count == 0)
        {
            return false;
        }

        var (chain, address, version) = dirty[0];
        var started = Stopwatch.GetTimestamp();
        try
        {
            await RecomputeAsync(chain, address, cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(Clean, cancellationToken, chain, address, version, Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // It stays dirty, but a pass that failed is not tried again at once: as long as it took, like one marked meanwhile.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            await db.ExecuteAsync(Postpone, CancellationToken.None, chain, address, Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
            throw;
        }

        // New counts and ranks are visible at once: cached pages of the collection belong to its old read version.
        if (versions is not null)
        {
            await versions.BumpAsync(chain, [address]).ConfigureAwait(false);
        }

        return true;
    }

    internal static string Id(System.Numerics.BigInteger id) => id.ToString(CultureInfo.InvariantCulture);
}
