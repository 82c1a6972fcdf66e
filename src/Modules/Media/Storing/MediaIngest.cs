using System.Text.Json;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Moderation;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Storing;

/// <summary>
/// Turns one upload into a stored asset: its type by content and its decode limits from the header (refusals are
/// BAD_USER_INPUT and store nothing), metadata stripped from images, variants and perceptual hash, the CID of the
/// stored bytes; then — no database transaction open — the objects put under the CID (idempotent), and only then the
/// row, which the unique CID makes one per content however many upload it at once.
/// </summary>
internal sealed class MediaIngest(
    MediaDocuments documents,
    MediaObjects objects,
    ImageProcessor images,
    IOptions<MediaLimits> limits,
    IOptions<ModerationOptions> moderation,
    TimeProvider time)
{
    /// <param name="content">A seekable stream of the whole upload.</param>
    public async Task<AssetDocument> IngestAsync(Stream content, string source, Guid uploaderId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var inspected = MediaInspector.Inspect(content, limits.Value, field);
        content.Position = 0;

        byte[]? stored = null;
        ProcessedImage? image = null;
        if (inspected.Format.IsDecodedImage)
        {
            var original = new byte[content.Length];
            await content.ReadExactlyAsync(original, cancellationToken).ConfigureAwait(false);
            stored = MetadataStripper.Strip(inspected.Format, original);
            image = images.Process(stored, field);
        }
        else if (inspected.Format == MediaFormat.Json)
        {
            stored = new byte[content.Length];
            await content.ReadExactlyAsync(stored, cancellationToken).ConfigureAwait(false);
            CheckMetadataJson(stored, limits.Value.MaxJsonBytes, field);
        }

        ContentDigest digest;
        using (var builder = new UnixFsCidBuilder())
        {
            if (stored is not null)
            {
                builder.Append(stored);
            }
            else
            {
                await builder.AppendAsync(content, cancellationToken).ConfigureAwait(false);
            }

            digest = builder.Finish();
        }

        if (await documents.FindAsync(digest.Cid, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        if (stored is not null)
        {
            using var bytes = new MemoryStream(stored, writable: false);
            await objects.PutAsync(MediaObjects.OriginalKey(digest.Cid), bytes, inspected.Format.Mime, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            content.Position = 0;
            await objects.PutAsync(MediaObjects.OriginalKey(digest.Cid), content, inspected.Format.Mime, cancellationToken).ConfigureAwait(false);
        }

        var assetId = Guid.CreateVersion7();
        var variants = new List<VariantDocument>();
        foreach (var variant in image?.Variants ?? [])
        {
            var key = MediaObjects.VariantKey(digest.Cid, variant.Width);
            using var bytes = new MemoryStream(variant.Bytes, writable: false);
            await objects.PutAsync(key, bytes, ImageVariant.Mime, cancellationToken).ConfigureAwait(false);
            variants.Add(new VariantDocument
            {
                AssetId = assetId,
                CdnUrl = MediaUrls.VariantPath(digest.Cid, variant.Width),
                W = variant.Width,
                H = variant.Height,
                Mime = ImageVariant.Mime,
                Bytes = variant.Bytes.Length,
                S3Key = key,
            });
        }

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
            CreatedAt = time.GetUtcNow(),
        };
        return await documents.InsertAsync(asset, variants, cancellationToken).ConfigureAwait(false);
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
