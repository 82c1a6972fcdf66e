using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// One entry of a collection's activity (table <c>catalog.activities</c>), one per transfer fact (later also per
/// listing, sale, offer, cancel). Its public id is <c>{chain_id}/{tx_hash}/{log_index}/{batch_index}</c>.
/// </summary>
internal sealed class TokenActivity
{
    public required string ChainId { get; init; }

    public required string TxHash { get; init; }

    public int LogIndex { get; init; }

    public int BatchIndex { get; init; }

    /// <summary>The GraphQL <c>ActivityType</c> name: <c>MINT</c>, <c>TRANSFER</c>, <c>BURN</c>, …</summary>
    public required string Type { get; init; }

    public required string Contract { get; init; }

    public BigInteger? TokenId { get; init; }

    public string? FromAddress { get; init; }

    public string? ToAddress { get; init; }

    public BigInteger? Quantity { get; init; }

    public BigInteger? Price { get; init; }

    public long BlockNumber { get; init; }

    public required string BlockHash { get; init; }

    public DateTimeOffset BlockTime { get; init; }
}
