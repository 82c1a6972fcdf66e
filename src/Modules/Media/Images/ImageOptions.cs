namespace NftMarketplace.Modules.Media.Images;

/// <summary>Image variants (configuration <c>Media:Images</c>).</summary>
internal sealed class ImageOptions
{
    public const string Section = "Media:Images";

    /// <summary>Widths of the WebP variants; only those narrower than the original are made (never upscaled).</summary>
    public int[] VariantWidths { get; set; } = [256, 512, 1024];

    /// <summary>WebP quality of the variants (1–100).</summary>
    public int VariantQuality { get; set; } = 80;

    internal IEnumerable<string> Validate()
    {
        if (VariantWidths.Length > 8 || VariantWidths.Any(w => w is < 16 or > 8192))
        {
            yield return $"{Section}:{nameof(VariantWidths)} must be at most 8 widths between 16 and 8192.";
        }

        if (VariantQuality is < 1 or > 100)
        {
            yield return $"{Section}:{nameof(VariantQuality)} must be between 1 and 100 (got {VariantQuality}).";
        }
    }
}
