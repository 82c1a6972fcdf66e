namespace NftMarketplace.Modules.Indexing.Decoding;

/// <summary>
/// A log as <c>eth_getLogs</c> returns it, normalized: hex lowercase and 0x-prefixed, numbers as numbers.
/// </summary>
internal sealed record ChainLog(
    string Address,
    long BlockNumber,
    string BlockHash,
    string TxHash,
    int LogIndex,
    IReadOnlyList<string> Topics,
    string Data)
{
    public string? Topic0 => Topics.Count > 0 ? Topics[0] : null;
}
