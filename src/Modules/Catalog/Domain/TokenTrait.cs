using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>A token's value of one trait (table <c>catalog.token_traits</c>); numeric traits keep the number for range filters.</summary>
internal sealed class TokenTrait
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public required string NormalizedName { get; init; }

    public required string NormalizedValue { get; init; }

    public double? ValueNumber { get; init; }
}
