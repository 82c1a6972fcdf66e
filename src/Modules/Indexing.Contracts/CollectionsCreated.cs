using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// Collections the indexer follows from now on, on one chain, announced for one block range (inclusive): those the
/// registry's factories created in that range (<c>CollectionCreated</c>), and contracts an admin asked it to track
/// (<c>trackCollection</c>), announced once, when accepted, with the range being their deployment block. Published on
/// <c>collections.events</c> with key <c>created.eip155-&lt;n&gt;</c>; the token facts of a collection may arrive before
/// its announcement, so consumers key everything by (chain, address).
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record CollectionsCreated(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<CreatedCollection> Collections)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Collections;

    public static string Schema => "indexing.collections_created";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>created.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "created." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's new collections.</summary>
    public const string AllChains = "created.*";
}

/// <summary>
/// One followed collection. Addresses are 0x-prefixed lowercase; amounts are decimal strings (uint256 does not fit a
/// JSON number).
/// </summary>
/// <param name="Address">The collection contract.</param>
/// <param name="Standard"><see cref="TokenStandards.Erc721"/> or <see cref="TokenStandards.Erc1155"/>.</param>
/// <param name="Source"><see cref="CollectionSources.Factory"/> or <see cref="CollectionSources.Tracked"/>.</param>
/// <param name="Factory">The factory that created it; null for a tracked contract.</param>
/// <param name="Creator">Who created it (the factory's caller); null for a tracked contract.</param>
/// <param name="Owner">Its owner when announced: the creator for a factory collection (it becomes the owner in the
/// creating transaction), <c>owner()</c> for a tracked contract that has one, else null. Later changes arrive as
/// <see cref="CollectionSettingsChanged"/>.</param>
/// <param name="Name">From the factory's event, or <c>name()</c> of a tracked contract when it answers.</param>
/// <param name="Symbol">From the factory's event, or <c>symbol()</c> of a tracked contract when it answers.</param>
/// <param name="ContractUri">ERC-7572 <c>contractURI</c> at creation (factory only; empty when none was given).</param>
/// <param name="RoyaltyReceiver">EIP-2981 default royalty at creation (factory only).</param>
/// <param name="RoyaltyBps">Basis points of that royalty (factory only).</param>
/// <param name="MaxSupply">ERC-721 cap on tokens ever minted, decimal; null when unlimited (0 in the event) or unknown.</param>
/// <param name="Salt">The creator's CREATE2 salt, 0x-prefixed (factory only).</param>
/// <param name="FromBlock">The first block the indexer reads the collection's logs from.</param>
/// <param name="Position">Where it was deployed. For a factory collection, the <c>CollectionCreated</c> log. For a
/// tracked contract, its deployment block with <see cref="ChainPosition.LogIndex"/> −1 (no log) and the deploying
/// transaction when it was a top-level creation, else the zero hash.</param>
public sealed record CreatedCollection(
    string Address,
    string Standard,
    string Source,
    string? Factory,
    string? Creator,
    string? Owner,
    string? Name,
    string? Symbol,
    string? ContractUri,
    string? RoyaltyReceiver,
    int? RoyaltyBps,
    string? MaxSupply,
    string? Salt,
    long FromBlock,
    ChainPosition Position);

/// <summary>How the indexer came to follow a collection.</summary>
public static class CollectionSources
{
    /// <summary>Created by a factory the registry lists for the chain.</summary>
    public const string Factory = "factory";

    /// <summary>Tracked on an admin's request (<c>trackCollection</c>).</summary>
    public const string Tracked = "tracked";
}
