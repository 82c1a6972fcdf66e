using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// The transfers other than mints (burns included) the indexer confirmed on one chain in one block range (inclusive),
/// in chain order. Published on <c>transfers.events</c> with key <c>transferred.eip155-&lt;n&gt;</c>; mints go out as
/// <see cref="TokensMinted"/>. An ERC-721 owner is the recipient of the transfer with the highest position; ERC-1155
/// balances are sums of the amounts in and out.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record TokensTransferred(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<TokenTransfer> Transfers)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Transfers;

    public static string Schema => "indexing.tokens_transferred";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>transferred.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "transferred." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's transfers.</summary>
    public const string AllChains = "transferred.*";
}
