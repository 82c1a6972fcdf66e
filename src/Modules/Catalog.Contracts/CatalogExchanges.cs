namespace NftMarketplace.Modules.Catalog.Contracts;

/// <summary>
/// Where the Catalog publishes what it now shows. Routing keys name the chain as one word (<c>eip155-31337</c>), as the
/// indexer's do, so a binding can pick a chain or a collection.
/// </summary>
public static class CatalogExchanges
{
    /// <summary>Collections the catalog created or changed: <c>upserted.&lt;chain&gt;.&lt;contract&gt;</c>.</summary>
    public const string Collections = "collections.domain";

    /// <summary>Tokens the catalog shows as minted, one message per transaction: <c>upserted.&lt;chain&gt;.&lt;contract&gt;.&lt;first token id&gt;</c>.</summary>
    public const string Mints = "mints.domain";

    /// <summary>Activities the catalog recorded or retracted: <c>activity.&lt;chain&gt;.&lt;contract&gt;</c>.</summary>
    public const string Activities = "activities.domain";

    /// <summary>A CAIP-2 id as one routing-key word: <c>eip155:31337</c> becomes <c>eip155-31337</c>.</summary>
    public static string ChainSegment(string chainId)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        return chainId.Replace(':', '-').Replace('.', '-');
    }
}
