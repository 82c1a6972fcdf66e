namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>The exchanges the indexer publishes chain facts to, and how their routing keys name a chain.</summary>
public static class IndexingExchanges
{
    /// <summary>Operator approvals (<c>ApprovalForAll</c>) seen on chain.</summary>
    public const string Approvals = "approvals.events";

    /// <summary>A CAIP-2 id as one routing-key word: <c>eip155:31337</c> becomes <c>eip155-31337</c>.</summary>
    public static string KeySegment(string chainId)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        return chainId.Replace(':', '-').Replace('.', '-');
    }
}
