using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>What admins marked a token as (table <c>catalog.nft_flags</c>); spam and NSFW tokens are hidden from lists unless asked.</summary>
internal sealed class NftFlag
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public bool IsSpam { get; set; }

    public bool IsNsfw { get; set; }

    public bool IsFrozen { get; set; }

    public string? Reason { get; set; }

    public Guid? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
