using System.Text.Json.Serialization;

namespace NftMarketplace.Modules.Media.Persistence;

/// <summary>A <c>media.variants</c> document (jsonb): a smaller WebP rendition of an image asset.</summary>
internal sealed record VariantDocument
{
    [JsonPropertyName("asset_id")] public required Guid AssetId { get; init; }
    [JsonPropertyName("cdnUrl")] public required string CdnUrl { get; init; }
    [JsonPropertyName("w")] public required int W { get; init; }
    [JsonPropertyName("h")] public required int H { get; init; }
    [JsonPropertyName("mime")] public required string Mime { get; init; }
    [JsonPropertyName("bytes")] public required long Bytes { get; init; }
    [JsonPropertyName("s3Key")] public required string S3Key { get; init; }
}
