using Microsoft.Extensions.Options;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.Modules.Media.Storing;

/// <summary>
/// What an upload becomes before anything is stored: its format by content, the bytes to store (<c>null</c>: the
/// upload itself, streamed as it is), for images their processing, and the digest (CID) of the stored bytes.
/// </summary>
internal sealed record PreparedUpload(Inspected Inspected, byte[]? Stored, ProcessedImage? Image, ContentDigest Digest);

/// <summary>
/// The CPU work of an upload, touching no storage: its type and decode limits from the header (refusals are
/// BAD_USER_INPUT), metadata stripped from images, variants and perceptual hash, and the CID of the stored bytes.
/// </summary>
internal sealed class UploadPreparer(ImageProcessor images, IOptions<MediaLimits> limits)
{
    /// <param name="content">A seekable stream of the whole upload; left where the object store may read it again.</param>
    public async Task<PreparedUpload> PrepareAsync(Stream content, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var inspected = MediaInspector.Inspect(content, limits.Value, field);
        content.Position = 0;

        if (inspected.Format.IsDecodedImage)
        {
            // Overwritten whole at once: not zeroed first.
            var original = GC.AllocateUninitializedArray<byte>(checked((int)content.Length));
            await content.ReadExactlyAsync(original, cancellationToken).ConfigureAwait(false);
            var stripped = MetadataStripper.Strip(inspected.Format, original);
            // The CID is hashed beside the image's processing: on more than one core it costs no time of its own.
            var digest = Task.Run(() => Digest(stripped), cancellationToken);
            var image = images.Process(stripped, field);
            return new PreparedUpload(inspected, stripped, image, await digest.ConfigureAwait(false));
        }

        if (inspected.Format == MediaFormat.Json)
        {
            var json = new byte[content.Length];
            await content.ReadExactlyAsync(json, cancellationToken).ConfigureAwait(false);
            MediaIngest.CheckMetadataJson(json, limits.Value.MaxJsonBytes, field);
            return new PreparedUpload(inspected, json, null, Digest(json));
        }

        // Anything else is stored as it came: hashed while it streams, never held in memory whole.
        using var builder = new UnixFsCidBuilder();
        await builder.AppendAsync(content, cancellationToken).ConfigureAwait(false);
        return new PreparedUpload(inspected, null, null, builder.Finish());
    }

    private static ContentDigest Digest(byte[] bytes)
    {
        using var builder = new UnixFsCidBuilder();
        builder.Append(bytes);
        return builder.Finish();
    }
}
