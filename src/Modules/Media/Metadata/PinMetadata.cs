using System.Text;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;
using NftMarketplace.Modules.Media.Uploads;

namespace NftMarketplace.Modules.Media.Metadata;

/// <summary>
/// Stores token or collection metadata JSON (an object, at most <c>Media:Limits:MaxJsonBytes</c>) like media: its
/// exact bytes, under their CID, counted against the user's upload quota.
/// </summary>
internal sealed record PinMetadata(Guid UserId, string Json) : IRequest<AssetDocument>;

internal sealed class PinMetadataHandler(UploadQuota quota, MediaIngest ingest, IOptions<MediaLimits> limits) : IRequestHandler<PinMetadata, AssetDocument>
{
    private const string Field = "input.json";

    public async Task<AssetDocument> Handle(PinMetadata request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = Encoding.UTF8.GetBytes(request.Json);
        // Checked here too: anything else than a JSON object would be stored as whatever type its bytes are.
        MediaIngest.CheckMetadataJson(bytes, limits.Value.MaxJsonBytes, Field);
        await quota.ReserveAsync(request.UserId, 1, bytes.Length).ConfigureAwait(false);
        using var content = new MemoryStream(bytes, writable: false);
        return await ingest.IngestAsync(content, "metadata", request.UserId, Field, cancellationToken).ConfigureAwait(false);
    }
}
