namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// The exchanges the indexer publishes chain facts to, and how their routing keys name a chain. Every event is a batch:
/// one message per chain, block range and kind (a range with very many facts of one kind is cut at block boundaries
/// into several messages), never one per log. Each fact inside carries its <see cref="ChainPosition"/>, so consumers
/// apply messages in any order; a reorg is announced on <see cref="Reorgs"/> naming every fact no longer true.
/// </summary>
public static class IndexingExchanges
{
    /// <summary>Operator approvals (<c>ApprovalForAll</c>) seen on chain.</summary>
    public const string Approvals = "approvals.events";

    /// <summary>Collections the indexer follows from now on (<c>created.eip155-&lt;n&gt;</c>) and changes of their settings (<c>changed.eip155-&lt;n&gt;</c>).</summary>
    public const string Collections = "collections.events";

    /// <summary>Token mints (<c>minted.eip155-&lt;n&gt;</c>), as the seed names them.</summary>
    public const string Mints = "mints.events";

    /// <summary>Token transfers other than mints, burns included (<c>transferred.eip155-&lt;n&gt;</c>).</summary>
    public const string Transfers = "transfers.events";

    /// <summary>Token and collection metadata changes: ERC-1155 <c>URI</c>, ERC-4906, ERC-7572 (<c>metadata.eip155-&lt;n&gt;</c>).</summary>
    public const string Metadata = "metadata.events";

    /// <summary>Retractions after a reorg (<c>retracted.eip155-&lt;n&gt;</c>).</summary>
    public const string Reorgs = "reorgs.events";

    /// <summary>A CAIP-2 id as one routing-key word: <c>eip155:31337</c> becomes <c>eip155-31337</c>.</summary>
    public static string KeySegment(string chainId)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        return chainId.Replace(':', '-').Replace('.', '-');
    }
}
