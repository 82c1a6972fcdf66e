namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>One value of a trait with the number of tokens (supply &gt; 0) that have it (table <c>catalog.trait_values</c>).</summary>
internal sealed class TraitValue
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public required string NormalizedName { get; init; }

    public required string NormalizedValue { get; init; }

    /// <summary>The first form seen.</summary>
    public required string Value { get; set; }

    public int Count { get; set; }
}
