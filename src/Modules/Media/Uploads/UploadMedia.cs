using System.Globalization;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Modules.Media.Uploads;

/// <summary>
/// Stores the signed-in user's files as assets, in order; the same bytes as an existing asset give that asset. Not a
/// command: it talks to object storage, which must not happen inside a unit of work, and each asset's row is one
/// statement of its own.
/// </summary>
internal sealed record UploadMedia(Guid UserId, IReadOnlyList<UploadedFile> Files) : IRequest<IReadOnlyList<AssetDocument>>;

/// <summary>A file of the request: its length and a seekable stream of its content (read once).</summary>
internal sealed record UploadedFile(long Length, Func<Stream> Open);

internal sealed class UploadMediaHandler(UploadQuota quota, MediaIngest ingest) : IRequestHandler<UploadMedia, IReadOnlyList<AssetDocument>>
{
    public async Task<IReadOnlyList<AssetDocument>> Handle(UploadMedia request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Files.Count == 0)
        {
            throw new BuildingBlocks.Errors.BadInputException("Send at least one file.", "input.files");
        }

        await quota.ReserveAsync(request.UserId, request.Files.Count, request.Files.Sum(f => f.Length)).ConfigureAwait(false);
        var assets = new List<AssetDocument>(request.Files.Count);
        for (var i = 0; i < request.Files.Count; i++)
        {
            await using var content = await Seekable(request.Files[i].Open(), cancellationToken).ConfigureAwait(false);
            var field = string.Create(CultureInfo.InvariantCulture, $"input.files.{i}");
            assets.Add(await ingest.IngestAsync(content, "upload", request.UserId, field, cancellationToken).ConfigureAwait(false));
        }

        return assets;
    }

    /// <summary>The transport's uploads are seekable (memory or a spool file); anything else is copied to memory.</summary>
    private static async Task<Stream> Seekable(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        copy.Position = 0;
        return copy;
    }
}
