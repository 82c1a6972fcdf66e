namespace NftMarketplace.Modules.Media.Images;

/// <summary>
/// What <see cref="ImageProcessor"/> made of an image: its upright size, perceptual hashes (of it and of its mirror
/// image) and WebP variants.
/// </summary>
internal sealed record ProcessedImage(int Width, int Height, ulong Phash, ulong PhashMirror, IReadOnlyList<ImageVariant> Variants);
