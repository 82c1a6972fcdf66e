namespace NftMarketplace.Modules.Media.Uploads;

/// <summary>Per-user upload quotas (configuration <c>Media:Quota</c>): files and bytes per window, pinned metadata included.</summary>
internal sealed class UploadQuotaOptions
{
    public const string Section = "Media:Quota";

    public int FilesPerWindow { get; set; } = 200;

    public long BytesPerWindow { get; set; } = 1024L * 1024 * 1024;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    internal IEnumerable<string> Validate()
    {
        if (FilesPerWindow < 1)
        {
            yield return $"{Section}:{nameof(FilesPerWindow)} must be at least 1 (got {FilesPerWindow}).";
        }

        if (BytesPerWindow < 1)
        {
            yield return $"{Section}:{nameof(BytesPerWindow)} must be at least 1 (got {BytesPerWindow}).";
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(31))
        {
            yield return $"{Section}:{nameof(Window)} must be between 00:00:01 and 31.00:00:00 (got {Window}).";
        }
    }
}
