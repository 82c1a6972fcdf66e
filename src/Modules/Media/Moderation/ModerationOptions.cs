namespace NftMarketplace.Modules.Media.Moderation;

/// <summary>How new assets start (configuration <c>Media:Moderation</c>).</summary>
internal sealed class ModerationOptions
{
    public const string Section = "Media:Moderation";

    /// <summary><c>auto</c>: APPROVED at once; <c>manual</c>: PENDING (seen by its uploaders and admins only) until an admin approves.</summary>
    public string Mode { get; set; } = "auto";

    public bool IsManual => string.Equals(Mode, "manual", StringComparison.OrdinalIgnoreCase);

    internal IEnumerable<string> Validate()
    {
        if (!string.Equals(Mode, "auto", StringComparison.OrdinalIgnoreCase) && !IsManual)
        {
            yield return $"{Section}:{nameof(Mode)} must be 'auto' or 'manual' (got '{Mode}').";
        }
    }
}
