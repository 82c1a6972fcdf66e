using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Decoding;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>A block range read from the chain and decoded, ready to store: every log with where it sits and what it is.</summary>
internal sealed record RangeData(long From, long To, IReadOnlyList<PositionedLog> Logs, IReadOnlyList<CreatedCollection> Created);

/// <summary>A log with its position (block time included), its contract's standard and the kind it is published as (null: raw only).</summary>
internal sealed record PositionedLog(ChainLog Log, ChainPosition Position, string Standard, string? Kind);
