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
            MediaIngest.CheckMetadataJson(stored, limits.Value.MaxJsonBytes, field);
        }

        using var builder = new UnixFsCidBuilder();
        if (stored is not null)
        {
            builder.Append(stored);
        }
        else
        {
            await builder.AppendAsync(content, cancellationToken).ConfigureAwait(false);
        }

        return new PreparedUpload(inspected, stored, image, builder.Finish());
    }
}
