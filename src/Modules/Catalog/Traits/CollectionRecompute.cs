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

    // Unordered: see RecomputeAsync.
    private const string LiveTokens =
        "SELECT t.token_id::text, COALESCE(m.attributes, '[]'::jsonb)::text "
        + "FROM " + Schema + ".tokens t "
        + "LEFT JOIN " + Schema + ".metadata_docs m ON m.chain_id = t.chain_id AND m.contract = t.contract AND m.token_id = t.token_id "
        + "WHERE t.chain_id = $1 AND t.contract = $2 AND t.supply > 0";

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

    private const string StoredRarity =
        "SELECT token_id::text, score, rank, method FROM " + Schema + ".token_rarity WHERE chain_id = $1 AND contract = $2";

    private const string UpsertRarity =
        "INSERT INTO " + Schema + ".token_rarity AS r (chain_id, contract, token_id, score, rank, method, computed_at) "
        + "SELECT $1, $2, x.token_id::numeric, x.score, x.rank, $6, now() "
        + "FROM unnest($3::text[], $4::double precision[], $5::int[]) AS x(token_id, score, rank) "
        + "ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET score = excluded.score, rank = excluded.rank, "
        + "method = excluded.method, computed_at = excluded.computed_at";

    // Only the ranks of tokens no longer live, by primary key: the few rows the diff found.
    private const string DeleteRarity =
        "DELETE FROM " + Schema + ".token_rarity WHERE chain_id = $1 AND contract = $2 AND token_id = ANY($3::text[]::numeric[])";

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
        // Token order is the ranker's input order, which breaks its ties: ascending ids, as the collection numbers them.
        // Sorted here: Postgres would sort the rows with their attributes' text, megabytes that spill to disk. An id's
        // text has no sign or leading zeros, so the shorter one is the smaller.
        tokens.Sort((a, b) => a.Id.Length != b.Id.Length ? a.Id.Length.CompareTo(b.Id.Length) : string.CompareOrdinal(a.Id, b.Id));
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
        await WriteRanksAsync(chainId, contract, [.. tokens.Select(t => t.Id)], ranks, cancellationToken).ConfigureAwait(false);
        return tokens.Count;
    }

    /// <summary>
    /// Writes only what changed: the stored ranks are read (one index range) and compared here, so an unchanged token
    /// costs no write, and the ranks of tokens no longer live are deleted by key. A set-based comparison in SQL
    /// (<c>NOT EXISTS</c> against the ranked ids as an array) left the planner guessing the array's size and comparing
    /// every stored row with every id: seconds for 10,000 tokens.
    /// </summary>
    private async Task WriteRanksAsync(string chainId, string contract, string[] ids, TokenRarityScore[] ranks, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, (double Score, int Rank, string Method)>(StringComparer.Ordinal);
        foreach (var (id, score, rank, method) in await db.QueryAsync(
            StoredRarity, r => (r.GetString(0), r.GetDouble(1), r.GetInt32(2), r.GetString(3)), cancellationToken, chainId, contract).ConfigureAwait(false))
        {
            stored[id] = (score, rank, method);
        }

        var changed = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            var now = (ranks[i].Score, ranks[i].Rank, OpenRarityRanker.Method);
            if (!stored.Remove(ids[i], out var before) || before != now)
            {
                changed.Add(i);
            }
        }

        if (changed.Count > 0)
        {
            await db.ExecuteAsync(
                UpsertRarity,
                cancellationToken,
                chainId,
                contract,
                changed.Select(i => ids[i]).ToArray(),
                changed.Select(i => ranks[i].Score).ToArray(),
                changed.Select(i => ranks[i].Rank).ToArray(),
                OpenRarityRanker.Method).ConfigureAwait(false);
        }

        // What is left of the stored ranks belongs to tokens not live any more.
        if (stored.Count > 0)
        {
            await db.ExecuteAsync(DeleteRarity, cancellationToken, chainId, contract, stored.Keys.ToArray()).ConfigureAwait(false);
        }
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
