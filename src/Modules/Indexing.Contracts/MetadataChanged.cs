using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// Metadata changes the indexer confirmed on one chain in one block range (inclusive), in chain order: ERC-1155
/// <c>URI</c>, ERC-4906 <c>MetadataUpdate</c>/<c>BatchMetadataUpdate</c> and ERC-7572 <c>ContractURIUpdated</c>.
/// Published on <c>metadata.events</c> with key <c>metadata.eip155-&lt;n&gt;</c>. They say what to fetch again, not what
/// the metadata now is (except a <c>URI</c> log, which names the new URI).
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record MetadataChanged(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<MetadataChange> Changes)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Metadata;

    public static string Schema => "indexing.metadata_changed";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>metadata.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "metadata." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's metadata changes.</summary>
    public const string AllChains = "metadata.*";
}

/// <summary>
/// One metadata change of <paramref name="Contract"/> (0x-prefixed lowercase). Token ids are decimal strings.
/// </summary>
/// <param name="Kind">
/// <see cref="MetadataChangeKinds.Uri"/>: ERC-1155 <c>URI(value, id)</c>, <paramref name="Uri"/> is the id's new URI as
/// logged (its <c>{id}</c> not substituted). <see cref="MetadataChangeKinds.Token"/>: <c>MetadataUpdate(tokenId)</c>.
/// <see cref="MetadataChangeKinds.Range"/>: <c>BatchMetadataUpdate(from, to)</c>, both inclusive.
/// <see cref="MetadataChangeKinds.Contract"/>: <c>ContractURIUpdated()</c>, read <c>contractURI()</c> again.
/// </param>
/// <param name="TokenId">The token of <c>Uri</c> and <c>Token</c>.</param>
/// <param name="FromTokenId">First token of <c>Range</c>.</param>
/// <param name="ToTokenId">Last token of <c>Range</c>.</param>
public sealed record MetadataChange(
    string Contract,
    string Kind,
    string? TokenId,
    string? FromTokenId,
    string? ToTokenId,
    string? Uri,
    ChainPosition Position);

/// <summary>The values of <see cref="MetadataChange.Kind"/>.</summary>
public static class MetadataChangeKinds
{
    public const string Uri = "uri";

    public const string Token = "token";

    public const string Range = "range";

    public const string Contract = "contract";
}
