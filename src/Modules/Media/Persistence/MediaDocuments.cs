using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace NftMarketplace.Modules.Media.Persistence;

/// <summary>
/// The <c>media.assets</c> and <c>media.variants</c> documents, read and written with one SQL statement each: an
/// asset and its variants go in together or not at all, and the unique index on the asset's CID makes concurrent
/// uploads of the same bytes one row (the loser of the race reads the winner's).
/// </summary>
internal sealed class MediaDocuments(MediaDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Inserts the asset unless one with its CID exists; either way returns the stored one.</summary>
    public async Task<AssetDocument> InsertAsync(AssetDocument asset, IReadOnlyList<VariantDocument> variants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(variants);
        var document = JsonSerializer.Serialize(asset with { Variants = [] }, Json);
        var variantIds = variants.Select(_ => Guid.CreateVersion7()).ToArray();
        var variantDocuments = variants.Select(v => JsonSerializer.Serialize(v, Json)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            WITH inserted AS (
                INSERT INTO media.assets (id, doc) VALUES ({asset.Id}, {document}::jsonb)
                ON CONFLICT ((doc->>'cid')) DO NOTHING
                RETURNING id)
            INSERT INTO media.variants (id, asset_id, doc)
            SELECT v.id, inserted.id, v.doc::jsonb
            FROM inserted, unnest({variantIds}::uuid[], {variantDocuments}::text[]) AS v(id, doc)
            """, cancellationToken).ConfigureAwait(false);
        return await FindAsync(asset.Cid, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Asset {asset.Cid} vanished right after it was stored.");
    }

    /// <summary>
    /// Adds <paramref name="uploaderId"/> to the asset's <c>uploaderIds</c> unless it is there: one statement, so
    /// concurrent uploaders of the same bytes are all recorded (each update reads the row the previous one wrote).
    /// </summary>
    /// <returns>The asset as it now stands (its variants included).</returns>
    public async Task<AssetDocument> RecordUploaderAsync(AssetDocument asset, Guid uploaderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.WasUploadedBy(uploaderId))
        {
            return asset;
        }

        var uploader = uploaderId.ToString();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE media.assets
            SET doc = jsonb_set(doc, ARRAY['uploaderIds'], COALESCE(doc->'uploaderIds', '[]'::jsonb) || to_jsonb({uploader}::text))
            WHERE doc->>'cid' = {asset.Cid} AND NOT COALESCE(doc->'uploaderIds', '[]'::jsonb) @> jsonb_build_array({uploader}::text)
            """, cancellationToken).ConfigureAwait(false);
        return await FindAsync(asset.Cid, cancellationToken).ConfigureAwait(false) ?? asset;
    }

    /// <summary>The asset with its variants (narrowest first), or null.</summary>
    public async Task<AssetDocument?> FindAsync(string cid, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT (a.doc || jsonb_build_object('variants', COALESCE(
                (SELECT jsonb_agg(v.doc ORDER BY (v.doc->>'w')::int) FROM media.variants v WHERE v.asset_id = a.id),
                '[]'::jsonb)))::text AS "Value"
            FROM media.assets a WHERE a.doc->>'cid' = {cid}
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Read(rows[0]);
    }

    /// <summary>Approved assets by CID (for node lookups), with their variants.</summary>
    public async Task<IReadOnlyList<AssetDocument>> FindApprovedAsync(IReadOnlyList<string> cids, CancellationToken cancellationToken)
    {
        var keys = cids.ToArray();
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT (a.doc || jsonb_build_object('variants', COALESCE(
                (SELECT jsonb_agg(v.doc ORDER BY (v.doc->>'w')::int) FROM media.variants v WHERE v.asset_id = a.id),
                '[]'::jsonb)))::text AS "Value"
            FROM media.assets a WHERE a.doc->>'cid' = ANY({keys}) AND a.doc->>'moderation' = 'APPROVED'
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    /// <returns>Whether the asset exists.</returns>
    public async Task<bool> SetModerationAsync(string cid, ModerationStatus status, CancellationToken cancellationToken)
    {
        var value = Wire(status);
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE media.assets SET doc = jsonb_set(doc, ARRAY['moderation'], to_jsonb({value}::text))
            WHERE doc->>'cid' = {cid}
            """, cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>
    /// Approved image assets whose perceptual hash is within <paramref name="maxDistance"/> bits of either probe (the
    /// image's hash and its mirror image's), nearest first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<AssetDocument>> SimilarAsync(
        string excludedCid, string phash, string phashMirror, int maxDistance, int limit, CancellationToken cancellationToken)
    {
        var probe = "x" + phash[2..];
        var mirror = "x" + phashMirror[2..];
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT (a.doc || jsonb_build_object('variants', COALESCE(
                (SELECT jsonb_agg(v.doc ORDER BY (v.doc->>'w')::int) FROM media.variants v WHERE v.asset_id = a.id),
                '[]'::jsonb)))::text AS "Value"
            FROM media.assets a
            CROSS JOIN LATERAL (SELECT ('x' || substr(a.doc->>'phash', 3))::bit(64) AS hash) h
            CROSS JOIN LATERAL (SELECT LEAST(bit_count(h.hash # {probe}::bit(64)), bit_count(h.hash # {mirror}::bit(64))) AS distance) d
            WHERE a.doc->>'phash' IS NOT NULL AND a.doc->>'moderation' = 'APPROVED'
              AND a.doc->>'cid' <> {excludedCid} AND d.distance <= {maxDistance}
            ORDER BY d.distance, a.doc->>'cid'
            LIMIT {limit}
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    public static string Wire(ModerationStatus status) => status switch
    {
        ModerationStatus.Pending => "PENDING",
        ModerationStatus.Approved => "APPROVED",
        _ => "REJECTED",
    };

    public static ModerationStatus ParseModeration(string wire) => wire switch
    {
        "PENDING" => ModerationStatus.Pending,
        "APPROVED" => ModerationStatus.Approved,
        _ => ModerationStatus.Rejected,
    };

    private static AssetDocument Read(string json) =>
        JsonSerializer.Deserialize<AssetDocument>(json, Json) ?? throw new InvalidOperationException("An asset document is null.");
}
