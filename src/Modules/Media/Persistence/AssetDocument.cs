using System.Text.Json.Serialization;

namespace NftMarketplace.Modules.Media.Persistence;

/// <summary>
/// A <c>media.assets</c> document (jsonb), with the seed's fields. <c>cid</c> is the id of the stored bytes (the
/// object key and the <c>ipfsCid</c>); <c>exif_json</c> keeps only what was kept of the EXIF (the orientation), never
/// location. <c>variants</c> are read from <c>media.variants</c>, not stored here. The asset is shared by content:
/// <c>uploaderId</c> is whoever stored it first, <c>uploaderIds</c> everyone who uploaded these bytes (the first
/// included), each of whom sees it while it is pending.
/// </summary>
internal sealed record AssetDocument
{
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    [JsonPropertyName("cid")] public required string Cid { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("mime")] public required string Mime { get; init; }
    [JsonPropertyName("bytes")] public required long Bytes { get; init; }
    [JsonPropertyName("width")] public int? Width { get; init; }
    [JsonPropertyName("height")] public int? Height { get; init; }
    [JsonPropertyName("frames")] public int? Frames { get; init; }
    [JsonPropertyName("s3Key")] public required string S3Key { get; init; }
    [JsonPropertyName("ipfsCid")] public required string IpfsCid { get; init; }
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }
    [JsonPropertyName("phash")] public string? Phash { get; init; }
    [JsonPropertyName("phashMirror")] public string? PhashMirror { get; init; }
    [JsonPropertyName("moderation")] public required string Moderation { get; init; }
    [JsonPropertyName("exif_json")] public string? ExifJson { get; init; }
    [JsonPropertyName("uploaderId")] public Guid? UploaderId { get; init; }
    [JsonPropertyName("uploaderIds")] public IReadOnlyList<Guid> UploaderIds { get; init; } = [];
    [JsonPropertyName("createdAt")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("variants")] public IReadOnlyList<VariantDocument> Variants { get; init; } = [];

    /// <summary>Whether <paramref name="userId"/> uploaded these bytes (documents older than <c>uploaderIds</c> name only the first).</summary>
    public bool WasUploadedBy(Guid userId) => UploaderId == userId || UploaderIds.Contains(userId);
}
