namespace NftMarketplace.Modules.Indexing.Domain;

/// <summary>
/// One log of a followed contract in a published block, as the node gave it (<see cref="Payload"/>: address, topics,
/// data). Unique by (chain, transaction, log index); deleted when a reorg drops its block.
/// </summary>
internal sealed class RawEvent
{
    public required string ChainId { get; init; }

    public long BlockNumber { get; init; }

    public required string BlockHash { get; init; }

    public DateTimeOffset BlockTime { get; init; }

    public required string TxHash { get; init; }

    public int LogIndex { get; init; }

    /// <summary>The emitting contract, 0x-prefixed lowercase.</summary>
    public required string Address { get; init; }

    /// <summary>The event signature hash; null for an anonymous event without topics.</summary>
    public string? Topic0 { get; init; }

    /// <summary>Which published event carried its facts (a <c>FactKinds</c> value), or null when it is kept raw only.</summary>
    public string? Kind { get; init; }

    /// <summary><c>{"topics": [...], "data": "0x…"}</c>.</summary>
    public required string Payload { get; init; }
}
