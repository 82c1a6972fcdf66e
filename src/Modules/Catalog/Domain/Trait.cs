namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>A trait of a collection (table <c>catalog.traits</c>), grouped by its trimmed, lower-cased name.</summary>
internal sealed class Trait
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public required string NormalizedName { get; init; }

    /// <summary>The first form seen.</summary>
    public required string Name { get; set; }

    /// <summary><c>string</c>, <c>number</c> or <c>date</c>.</summary>
    public required string ValueType { get; set; }

    public string? DisplayType { get; set; }

    public double? MaxValue { get; set; }
}
