namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>
/// A format of the allow-list, told by content. <paramref name="Extension"/> names a download (Content-Disposition);
/// <paramref name="IsDecodedImage"/> formats are decoded for variants and a perceptual hash.
/// </summary>
internal sealed record MediaFormat(string Mime, MediaKind Kind, string Extension, bool IsDecodedImage)
{
    public static readonly MediaFormat Png = new("image/png", MediaKind.Image, "png", true);
    public static readonly MediaFormat Jpeg = new("image/jpeg", MediaKind.Image, "jpg", true);
    public static readonly MediaFormat Gif = new("image/gif", MediaKind.Image, "gif", true);
    public static readonly MediaFormat WebP = new("image/webp", MediaKind.Image, "webp", true);
    public static readonly MediaFormat Mp4 = new("video/mp4", MediaKind.Video, "mp4", false);
    public static readonly MediaFormat WebM = new("video/webm", MediaKind.Video, "webm", false);
    public static readonly MediaFormat Mp3 = new("audio/mpeg", MediaKind.Audio, "mp3", false);
    public static readonly MediaFormat Wav = new("audio/wav", MediaKind.Audio, "wav", false);
    public static readonly MediaFormat Ogg = new("audio/ogg", MediaKind.Audio, "ogg", false);
    public static readonly MediaFormat Glb = new("model/gltf-binary", MediaKind.Model, "glb", false);
    public static readonly MediaFormat Json = new("application/json", MediaKind.Metadata, "json", false);
}
