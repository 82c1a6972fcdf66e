using System.Text.Json;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Moderation;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Storing;

/// <summary>
/// Turns one upload into a stored asset: prepared (<see cref="UploadPreparer"/>: type by content, decode limits,
/// metadata stripped, variants, perceptual hash, CID; refusals store nothing); then — no database transaction open —
/// the objects put under the CID (idempotent), and only then the row, which the unique CID makes one per content
/// however many upload it at once.
/// </summary>
internal sealed class MediaIngest(
    MediaDocuments documents,
    MediaObjects objects,
    UploadPreparer preparer,
    IOptions<ModerationOptions> moderation,
    TimeProvider time)
{
    /// <param name="content">A seekable stream of the whole upload.</param>
    public async Task<AssetDocument> IngestAsync(Stream content, string source, Guid uploaderId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var upload = await preparer.PrepareAsync(content, field, cancellationToken).ConfigureAwait(false);
        var (inspected, stored, image, digest) = upload;

        // The same bytes are one asset, shared by everyone who uploads them: each is recorded, so each sees it pending.
        if (await documents.FindAsync(digest.Cid, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await documents.RecordUploaderAsync(existing, uploaderId, cancellationToken).ConfigureAwait(false);
        }

        await objects.PutUploadAsync(upload, content, cancellationToken).ConfigureAwait(false);
        var assetId = Guid.CreateVersion7();
        var variants = (image?.Variants ?? []).Select(variant => new VariantDocument
        {
            AssetId = assetId,
            CdnUrl = MediaUrls.VariantPath(digest.Cid, variant.Width),
            W = variant.Width,
            H = variant.Height,
            Mime = ImageVariant.Mime,
            Bytes = variant.Bytes.Length,
            S3Key = MediaObjects.VariantKey(digest.Cid, variant.Width),
        }).ToList();

        var orientation = inspected.Format == MediaFormat.Jpeg && stored is not null ? MetadataStripper.JpegOrientation(stored) : 1;
        var asset = new AssetDocument
        {
            Id = assetId,
            Cid = digest.Cid,
            Kind = inspected.Format.Kind.ToString().ToLowerInvariant(),
            Source = source,
            Mime = inspected.Format.Mime,
            Bytes = digest.Length,
            Width = image?.Width,
            Height = image?.Height,
            Frames = inspected.Format.IsDecodedImage ? inspected.Frames : null,
            S3Key = MediaObjects.OriginalKey(digest.Cid),
            IpfsCid = digest.Cid,
            Sha256 = "0x" + Convert.ToHexStringLower(digest.Sha256),
            Phash = image is null ? null : PerceptualHash.ToHex(image.Phash),
            PhashMirror = image is null ? null : PerceptualHash.ToHex(image.PhashMirror),
            Moderation = MediaDocuments.Wire(moderation.Value.IsManual ? ModerationStatus.Pending : ModerationStatus.Approved),
            ExifJson = orientation == 1 ? null : $$"""{"Orientation":{{orientation}}}""",
            UploaderId = uploaderId,
            UploaderIds = [uploaderId],
            CreatedAt = time.GetUtcNow(),
        };
        // Another upload of the same bytes may have stored its row first: then this uploader joins that asset.
        var row = await documents.InsertAsync(asset, variants, cancellationToken).ConfigureAwait(false);
        return await documents.RecordUploaderAsync(row, uploaderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Metadata is a JSON object within the size limit (token and collection metadata always are).</summary>
    public static void CheckMetadataJson(ReadOnlySpan<byte> json, int maxBytes, string field)
    {
        if (json.Length > maxBytes)
        {
            throw new BadInputException($"Metadata JSON may have at most {maxBytes} bytes (got {json.Length}).", field);
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException("Metadata JSON must be an object.", field);
            }
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"Metadata is not valid JSON: {ex.Message}", field, ex);
        }
    }
}
