namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>The catalog's read cache (configuration <c>Catalog:Reading</c>).</summary>
internal sealed class CatalogReadOptions
{
    public const string Section = "Catalog:Reading";

    /// <summary>
    /// How long a cached collection page lives in Redis. A change bumps the collection's read version, so readers move
    /// to new entries at once; the lifetime only bounds what a bump lost to a Redis outage leaves behind. Zero: no cache.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Validate()
    {
        if (CacheTtl < TimeSpan.Zero || CacheTtl > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:{nameof(CacheTtl)} must be between 00:00:00 (no cache) and 1.00:00:00 (got {CacheTtl}).";
        }
    }
}
