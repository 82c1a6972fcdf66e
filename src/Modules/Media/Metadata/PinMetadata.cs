using System.Text;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Media.Storing;
using NftMarketplace.Modules.Media.Uploads;

namespace NftMarketplace.Modules.Media.Metadata;

/// <summary>Answers <see cref="PinMetadata"/>: checks the JSON, reserves quota, stores it like an upload.</summary>
internal sealed class PinMetadataHandler(UploadQuota quota, MediaIngest ingest, IOptions<MediaLimits> limits) : IRequestHandler<PinMetadata, PinnedMetadataDto>
{
    private const string Field = "input.json";

    public async Task<PinnedMetadataDto> Handle(PinMetadata request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = Encoding.UTF8.GetBytes(request.Json);
        // Checked here too: anything else than a JSON object would be stored as whatever type its bytes are.
        MediaIngest.CheckMetadataJson(bytes, limits.Value.MaxJsonBytes, Field);
        await quota.ReserveAsync(request.UserId, 1, bytes.Length).ConfigureAwait(false);
        using var content = new MemoryStream(bytes, writable: false);
        var asset = await ingest.IngestAsync(content, "metadata", request.UserId, Field, cancellationToken).ConfigureAwait(false);
        return new PinnedMetadataDto(asset.Cid, MediaUrls.IpfsUri(asset.Cid));
    }
}
