using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>A token's rarity score and rank in its collection (table <c>catalog.token_rarity</c>); rank 1 is the rarest.</summary>
internal sealed class TokenRarity
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public double Score { get; set; }

    public int Rank { get; set; }

    /// <summary><c>open-rarity</c>.</summary>
    public required string Method { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
