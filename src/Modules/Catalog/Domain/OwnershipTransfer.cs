using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// One transfer fact, mint and burn included (table <c>catalog.ownership_transfers</c>), keyed as the indexer names it:
/// owners, balances and supply are derived from these rows, so they come out the same in any order of arrival.
/// </summary>
internal sealed class OwnershipTransfer
{
    public required string ChainId { get; init; }

    public required string TxHash { get; init; }

    public int LogIndex { get; init; }

    /// <summary>The entry of an ERC-1155 <c>TransferBatch</c>; 0 otherwise.</summary>
    public int BatchIndex { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public required string Standard { get; init; }

    /// <summary><c>mint</c>, <c>transfer</c> or <c>burn</c>.</summary>
    public required string Kind { get; init; }

    public string? Operator { get; init; }

    public required string FromAddress { get; init; }

    public required string ToAddress { get; init; }

    public BigInteger Amount { get; init; }

    public long BlockNumber { get; init; }

    public required string BlockHash { get; init; }

    public DateTimeOffset BlockTime { get; init; }
}
