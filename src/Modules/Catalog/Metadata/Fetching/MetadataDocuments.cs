using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Rarity;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// The fetcher's side of <c>metadata_docs</c>: taking due rows (<c>FOR UPDATE SKIP LOCKED</c>, so replicas share the
/// work, and a lease instead of a held lock, so no transaction waits on the network) and writing what the fetches gave,
/// set-based: the documents, the tokens' traits, the collections' own fields and the dirty marks of collections whose
/// traits changed.
/// </summary>
internal sealed class MetadataDocuments(CatalogDbContext db, CatalogReadVersion versions)
{
    private const string Schema = CatalogModule.Schema;

    private const string Claim =
        "WITH due AS ("
        + "  SELECT chain_id, contract, token_id FROM " + Schema + ".metadata_docs"
        + "  WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
        + "UPDATE " + Schema + ".metadata_docs AS d SET attempts = d.attempts + 1, next_attempt_at = now() + $2, updated_at = now() "
        + "FROM due "
        + "LEFT JOIN " + Schema + ".tokens t ON t.chain_id = due.chain_id AND t.contract = due.contract AND t.token_id = due.token_id "
        + "LEFT JOIN " + Schema + ".collections c ON c.chain_id = due.chain_id AND c.address = due.contract "
        + "WHERE d.chain_id = due.chain_id AND d.contract = due.contract AND d.token_id = due.token_id "
        + "RETURNING d.chain_id, d.contract, d.token_id::text, COALESCE(t.standard, c.standard), d.attempts, d.next_attempt_at, now()";

    // A fetch claimed before the last one written changes nothing; one whose document was asked for again meanwhile
    // keeps the new due time. A failure keeps the fields of the last good fetch (the status says the latest failed).
    private const string Complete =
        "UPDATE " + Schema + ".metadata_docs AS d SET "
        + "token_uri = COALESCE(x.token_uri, d.token_uri), status = x.status, error_code = x.error_code, error = x.error, "
        + "original = CASE WHEN x.status = 'OK' THEN x.original::jsonb ELSE d.original END, "
        + "normalized = CASE WHEN x.status = 'OK' THEN x.normalized::jsonb ELSE d.normalized END, "
        + "name = CASE WHEN x.status = 'OK' THEN x.name ELSE d.name END, "
        + "description = CASE WHEN x.status = 'OK' THEN x.description ELSE d.description END, "
        + "image_url = CASE WHEN x.status = 'OK' THEN x.image_url ELSE d.image_url END, "
        + "animation_url = CASE WHEN x.status = 'OK' THEN x.animation_url ELSE d.animation_url END, "
        + "external_url = CASE WHEN x.status = 'OK' THEN x.external_url ELSE d.external_url END, "
        + "attributes = CASE WHEN x.status = 'OK' THEN x.attributes::jsonb ELSE d.attributes END, "
        + "fetched_at = $3, "
        + "next_attempt_at = CASE WHEN d.next_attempt_at = x.lease "
        + "  THEN CASE WHEN x.retry_ms < 0 THEN NULL ELSE now() + x.retry_ms * interval '1 millisecond' END "
        + "  ELSE d.next_attempt_at END, "
        + "updated_at = now() "
        + "FROM unnest($2::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], "
        + "  $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::bigint[]) "
        + "  AS x(contract, token_id, lease, token_uri, status, error_code, error, original, normalized, name, description, image_url, "
        + "  animation_url, external_url, attributes, retry_ms) "
        + "WHERE d.chain_id = $1 AND d.contract = x.contract AND d.token_id = x.token_id::numeric "
        + "  AND (d.fetched_at IS NULL OR d.fetched_at <= $3) "
        + "RETURNING d.contract, d.token_id::text";

    private const string DeleteStaleTraits =
        "DELETE FROM " + Schema + ".token_traits AS tt "
        + "USING unnest($2::text[], $3::text[]) AS b(contract, token_id) "
        + "WHERE tt.chain_id = $1 AND tt.contract = b.contract AND tt.token_id = b.token_id::numeric "
        + "AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS n(contract, token_id, name, value) "
        + "  WHERE n.contract = tt.contract AND n.token_id::numeric = tt.token_id AND n.name = tt.normalized_name AND n.value = tt.normalized_value) "
        + "RETURNING tt.contract";

    private const string InsertTraits =
        "INSERT INTO " + Schema + ".token_traits (chain_id, contract, token_id, normalized_name, normalized_value, value_number) "
        + "SELECT $1, n.contract, n.token_id::numeric, n.name, n.value, n.number "
        + "FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::double precision[]) AS n(contract, token_id, name, value, number) "
        + "ON CONFLICT (chain_id, contract, token_id, normalized_name, normalized_value) DO UPDATE SET value_number = excluded.value_number "
        + "WHERE token_traits.value_number IS DISTINCT FROM excluded.value_number "
        + "RETURNING contract";

    private const string MarkDirty =
        "INSERT INTO " + Schema + ".collection_dirty (chain_id, address, dirty_since, reason) "
        + "SELECT $1, a, now(), 'metadata' FROM unnest($2::text[]) AS a "
        + "ON CONFLICT (chain_id, address) DO UPDATE SET reason = excluded.reason";

    private const string UpdateCollections =
        "UPDATE " + Schema + ".collections AS c SET description = x.description, image_url = x.image_url, banner_url = x.banner_url, "
        + "external_url = x.external_url, contract_metadata = x.original::jsonb "
        + "FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) "
        + "  AS x(contract, description, image_url, banner_url, external_url, original) "
        + "WHERE c.chain_id = $1 AND c.address = x.contract "
        + "RETURNING c.address";

    // The collection's row comes from the indexer's announcement, which may not have been applied yet: its document is
    // written again later.
    private const string RetryLater =
        "UPDATE " + Schema + ".metadata_docs SET next_attempt_at = now() + $3 "
        + "WHERE chain_id = $1 AND token_id = -1 AND contract = ANY($2) AND next_attempt_at IS NULL AND attempts < $4";

    private static readonly JsonSerializerOptions AttributeOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Takes up to <paramref name="limit"/> due documents for <paramref name="lease"/>.</summary>
    public Task<List<DueDocument>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        db.QueryAsync(
            Claim,
            r => new DueDocument(
                r.GetString(0),
                r.GetString(1),
                BigInteger.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.GetInt32(4),
                r.GetFieldValue<DateTimeOffset>(5),
                r.GetFieldValue<DateTimeOffset>(6)),
            cancellationToken,
            limit,
            lease);

    /// <summary>
    /// Writes the outcomes of one chain's documents, all claimed at <paramref name="claimedAt"/>, in one transaction.
    /// <paramref name="retryAfter"/> says when a failed one is tried again (null: not again by itself).
    /// </summary>
    public async Task CompleteAsync(
        string chainId,
        DateTimeOffset claimedAt,
        IReadOnlyList<FetchOutcome> outcomes,
        Func<FetchOutcome, TimeSpan?> retryAfter,
        (TimeSpan Delay, int MaxAttempts) collectionRetry,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = (await db.QueryAsync(
            Complete,
            r => (Contract: r.GetString(0), TokenId: r.GetString(1)),
            cancellationToken,
            chainId,
            outcomes.Select(o => o.Document.Contract).ToArray(),
            claimedAt,
            outcomes.Select(o => Id(o.Document.TokenId)).ToArray(),
            outcomes.Select(o => o.Document.Lease).ToArray(),
            outcomes.Select(o => Text(o.TokenUri)).ToArray(),
            outcomes.Select(o => o.IsOk ? "OK" : "FAILED").ToArray(),
            outcomes.Select(o => o.ErrorCode).ToArray(),
            outcomes.Select(o => Text(o.Error)).ToArray(),
            outcomes.Select(o => Json(o.Original)).ToArray(),
            outcomes.Select(o => Json(o.Metadata?.ToJson())).ToArray(),
            outcomes.Select(o => Text(o.Metadata?.Name)).ToArray(),
            outcomes.Select(o => Text(o.Metadata?.Description)).ToArray(),
            outcomes.Select(o => Text(o.Metadata?.Image)).ToArray(),
            outcomes.Select(o => Text(o.Metadata?.AnimationUrl)).ToArray(),
            outcomes.Select(o => Text(o.Metadata?.ExternalUrl)).ToArray(),
            outcomes.Select(o => o.Metadata is { } m ? Json(Attributes(m)) : "[]").ToArray(),
            outcomes.Select(o => retryAfter(o) is { } delay ? (long)delay.TotalMilliseconds : -1L).ToArray()).ConfigureAwait(false)).ToHashSet();

        var applied = outcomes.Where(o => o.IsOk && written.Contains((o.Document.Contract, Id(o.Document.TokenId)))).ToList();
        var dirty = await TraitsAsync(chainId, applied.Where(o => !o.Document.IsCollection).ToList(), cancellationToken).ConfigureAwait(false);
        if (dirty.Count > 0)
        {
            await db.ExecuteAsync(MarkDirty, cancellationToken, chainId, dirty.ToArray()).ConfigureAwait(false);
        }

        var collections = applied.Where(o => o.Document.IsCollection).ToList();
        if (collections.Count > 0)
        {
            var updated = (await db.QueryAsync(
                UpdateCollections,
                r => r.GetString(0),
                cancellationToken,
                chainId,
                collections.Select(o => o.Document.Contract).ToArray(),
                collections.Select(o => Text(o.Metadata!.Description)).ToArray(),
                collections.Select(o => Text(o.Metadata!.Image)).ToArray(),
                collections.Select(o => Text(o.Banner)).ToArray(),
                collections.Select(o => Text(o.Metadata!.ExternalUrl)).ToArray(),
                collections.Select(o => Json(o.Original)).ToArray()).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var missing = collections.Select(o => o.Document.Contract).Where(c => !updated.Contains(c)).ToArray();
            if (missing.Length > 0)
            {
                await db.ExecuteAsync(RetryLater, cancellationToken, chainId, missing, collectionRetry.Delay, collectionRetry.MaxAttempts).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        // A token's new metadata (or failure) shows at once: cached pages of its collection belong to the old read version.
        await versions.BumpAsync(chainId, written.Select(w => w.Contract)).ConfigureAwait(false);
    }

    /// <summary>Rewrites the tokens' <c>token_traits</c> to their new attributes; returns the collections whose traits changed.</summary>
    private async Task<HashSet<string>> TraitsAsync(string chainId, List<FetchOutcome> tokens, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return changed;
        }

        var rows = tokens.SelectMany(o => TokenTraits(o.Metadata!).Select(t => (o.Document.Contract, TokenId: Id(o.Document.TokenId), t.Name, t.Value, t.Number))).ToList();
        changed.UnionWith(await db.QueryAsync(
            DeleteStaleTraits,
            r => r.GetString(0),
            cancellationToken,
            chainId,
            tokens.Select(o => o.Document.Contract).ToArray(),
            tokens.Select(o => Id(o.Document.TokenId)).ToArray(),
            rows.Select(r => r.Contract).ToArray(),
            rows.Select(r => r.TokenId).ToArray(),
            rows.Select(r => r.Name).ToArray(),
            rows.Select(r => r.Value).ToArray()).ConfigureAwait(false));
        if (rows.Count > 0)
        {
            changed.UnionWith(await db.QueryAsync(
                InsertTraits,
                r => r.GetString(0),
                cancellationToken,
                chainId,
                rows.Select(r => r.Contract).ToArray(),
                rows.Select(r => r.TokenId).ToArray(),
                rows.Select(r => r.Name).ToArray(),
                rows.Select(r => r.Value).ToArray(),
                rows.Select(r => r.Number).ToArray()).ConfigureAwait(false));
        }

        return changed;
    }

    /// <summary>
    /// A token's traits as <c>token_traits</c> keeps them: name and value grouped as OpenRarity groups them
    /// (<see cref="TraitText.Normalize"/>; numbers and dates in their shortest form), one value per name — the last, as
    /// the reference reads a dictionary.
    /// </summary>
    internal static List<(string Name, string Value, double? Number)> TokenTraits(NormalizedMetadata metadata)
    {
        var byName = new Dictionary<string, (string Value, double? Number)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var attribute in metadata.Attributes)
        {
            var name = Text(TraitText.Normalize(attribute.TraitType))!;
            var value = attribute.Kind == TraitValueKind.String ? Text(TraitText.Normalize(attribute.Value))! : attribute.Value;
            if (!byName.ContainsKey(name))
            {
                order.Add(name);
            }

            byName[name] = (value, attribute.Kind == TraitValueKind.String ? null : attribute.Number);
        }

        return [.. order.Select(name => (name, byName[name].Value, byName[name].Number))];
    }

    /// <summary>The <c>attributes</c> column: <c>[{traitType, value, displayType, valueType, maxValue}]</c>.</summary>
    internal static string Attributes(NormalizedMetadata metadata) => JsonSerializer.Serialize(
        metadata.Attributes.Select(a => new AttributeJson(
            a.TraitType, a.Value, a.DisplayType, a.Kind.ToString().ToLowerInvariant(), a.Number, a.MaxValue)),
        AttributeOptions);

    private static string Id(BigInteger id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text Postgres can store: no NUL characters.</summary>
    private static string? Text(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);

    /// <summary>JSON Postgres's <c>jsonb</c> accepts: it refuses the escaped NUL character.</summary>
    private static string? Json(string? json) => json?.Replace("\\u0000", "\\uFFFD", StringComparison.OrdinalIgnoreCase);

    private sealed record AttributeJson(string TraitType, string Value, string? DisplayType, string ValueType, double? Number, double? MaxValue);
}
