namespace NftMarketplace.GraphQL.Uploads;

/// <summary>Limits of multipart requests carrying files (configuration section <c>GraphQL:Uploads</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "GraphQL:Uploads";

    /// <summary>Largest single file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most files in one request.</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>Largest multipart request body, files included, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 100 * 1024 * 1024;

    internal IEnumerable<string> Validate()
    {
        const long MaxBytes = 8L * 1024 * 1024 * 1024;
        if (MaxFileBytes is < 1 or > MaxBytes)
        {
            yield return $"{Section}:{nameof(MaxFileBytes)} must be between 1 and {MaxBytes} (got {MaxFileBytes}).";
        }

        if (MaxFiles is < 1 or > 100)
        {
            yield return $"{Section}:{nameof(MaxFiles)} must be between 1 and 100 (got {MaxFiles}).";
        }

        if (MaxRequestBytes < MaxFileBytes || MaxRequestBytes > MaxBytes)
        {
            yield return $"{Section}:{nameof(MaxRequestBytes)} must be between {nameof(MaxFileBytes)} ({MaxFileBytes}) and {MaxBytes} (got {MaxRequestBytes}).";
        }
    }
}
