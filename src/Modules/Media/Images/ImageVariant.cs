namespace NftMarketplace.Modules.Media.Images;

/// <summary>A WebP rendition of an image at a smaller width, without metadata.</summary>
internal sealed record ImageVariant(int Width, int Height, byte[] Bytes)
{
    public const string Mime = "image/webp";
}
