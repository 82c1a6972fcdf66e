namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// Where a fact sits on its chain. Facts are ordered by <see cref="BlockNumber"/>, then <see cref="LogIndex"/> — never by
/// when they arrived — so a consumer can apply them in any order. <see cref="BlockTime"/> is for people.
/// </summary>
/// <param name="BlockHash">0x-prefixed, lowercase; names the block a retraction would undo.</param>
/// <param name="TxHash">0x-prefixed, lowercase.</param>
public sealed record ChainPosition(long BlockNumber, string BlockHash, int LogIndex, string TxHash, DateTimeOffset BlockTime)
    : IComparable<ChainPosition>
{
    public int CompareTo(ChainPosition? other) =>
        other is null ? 1 : (BlockNumber, LogIndex).CompareTo((other.BlockNumber, other.LogIndex));

    public static bool operator <(ChainPosition left, ChainPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(ChainPosition left, ChainPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChainPosition left, ChainPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChainPosition left, ChainPosition right) => left.CompareTo(right) >= 0;
}
