using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// The mints (transfers from the zero address) the indexer confirmed on one chain in one block range (inclusive), in
/// chain order. Published on <c>mints.events</c> with key <c>minted.eip155-&lt;n&gt;</c>, as the seed names it. Every
/// other transfer of the range, burns included, goes out as <see cref="TokensTransferred"/>: each transfer fact is
/// published exactly once, in one of the two.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record TokensMinted(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<TokenTransfer> Mints)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Mints;

    public static string Schema => "indexing.tokens_minted";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>minted.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "minted." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's mints.</summary>
    public const string AllChains = "minted.*";
}
