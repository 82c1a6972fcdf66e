namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>Decode limits checked from an image's header before anything decodes it (configuration <c>Media:Limits</c>).</summary>
internal sealed class MediaLimits
{
    public const string Section = "Media:Limits";

    /// <summary>Most pixels of one frame (width × height).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Largest width or height.</summary>
    public int MaxDimension { get; set; } = 16_384;

    /// <summary>Most frames of an animation (GIF, APNG, animated WebP).</summary>
    public int MaxFrames { get; set; } = 300;

    /// <summary>Largest metadata JSON (pinMetadata, or a JSON upload), in bytes.</summary>
    public int MaxJsonBytes { get; set; } = 256 * 1024;

    internal IEnumerable<string> Validate()
    {
        if (MaxPixels is < 1 or > 1_000_000_000)
        {
            yield return $"{Section}:{nameof(MaxPixels)} must be between 1 and 1000000000 (got {MaxPixels}).";
        }

        if (MaxDimension is < 1 or > 65_535)
        {
            yield return $"{Section}:{nameof(MaxDimension)} must be between 1 and 65535 (got {MaxDimension}).";
        }

        if (MaxFrames is < 1 or > 10_000)
        {
            yield return $"{Section}:{nameof(MaxFrames)} must be between 1 and 10000 (got {MaxFrames}).";
        }

        if (MaxJsonBytes is < 2 or > 16 * 1024 * 1024)
        {
            yield return $"{Section}:{nameof(MaxJsonBytes)} must be between 2 and 16777216 (got {MaxJsonBytes}).";
        }
    }
}
