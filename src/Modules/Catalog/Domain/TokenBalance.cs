using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// What one holder has of one token (table <c>catalog.token_balances</c>): the sum of its transfer facts in and out,
/// ERC-721 included (the owner with 1). Only positive quantities have a row.
/// </summary>
internal sealed class TokenBalance
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public required string Owner { get; init; }

    public BigInteger Quantity { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
