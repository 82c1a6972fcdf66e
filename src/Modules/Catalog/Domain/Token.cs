using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// A token's chain-derived state (table <c>catalog.tokens</c>): exists once any transfer fact of it was applied, and is
/// deleted when a retraction leaves it none.
/// </summary>
internal sealed class Token
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public required string Standard { get; set; }

    /// <summary>ERC-721: the recipient of the transfer with the highest chain position; null once burned, and for ERC-1155.</summary>
    public string? Owner { get; set; }

    public long? OwnerBlock { get; set; }

    public int? OwnerLogIndex { get; set; }

    /// <summary>ERC-721: 1, or 0 once burned. ERC-1155: minted − burned.</summary>
    public BigInteger Supply { get; set; }

    public bool Burned { get; set; }

    public long? MintedBlock { get; set; }

    public DateTimeOffset? MintedAt { get; set; }

    public string? MintedTxHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
