using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// A reorg replaced blocks the indexer had published: every fact published from the blocks after
/// <paramref name="ForkBlock"/> (the last block both branches share) up to <paramref name="ToBlock"/> is no longer
/// true. Published on <c>reorgs.events</c> with key <c>retracted.eip155-&lt;n&gt;</c>, in the same transaction that
/// rewinds the indexer, before anything of the new branch: the new branch's facts follow as ordinary events (some may be
/// the same logs again, in other blocks, with new positions). Consumers delete each retracted fact and recompute what it
/// touched; a fact they never saw (its message may still be on the way) must not come back when it arrives: it carries
/// the retracted <see cref="ChainPosition.BlockHash"/>, which is how to recognise it.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
/// <param name="ForkBlock">The highest block still on the chain, as the indexer had published it.</param>
/// <param name="ForkBlockHash">Its hash, 0x-prefixed lowercase.</param>
/// <param name="ToBlock">The highest block the indexer had published before the reorg.</param>
/// <param name="RetractedBlocks">The hashes of every retracted block, ForkBlock+1 … ToBlock, in order.</param>
/// <param name="Facts">Every published fact of those blocks, in chain order (empty when they had none).</param>
public sealed record EventsRetracted(
    string ChainId,
    long ForkBlock,
    string ForkBlockHash,
    long ToBlock,
    IReadOnlyList<string> RetractedBlocks,
    IReadOnlyList<RetractedFact> Facts)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Reorgs;

    public static string Schema => "indexing.events_retracted";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>retracted.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "retracted." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's retractions.</summary>
    public const string AllChains = "retracted.*";
}

/// <summary>
/// One log whose facts are retracted: every fact published with this <paramref name="Position"/> (all entries of an
/// ERC-1155 batch transfer, for instance), whatever message carried it.
/// </summary>
/// <param name="Kind">One of <see cref="FactKinds"/>: which event carried its facts.</param>
/// <param name="Contract">The contract that emitted the log (for <see cref="FactKinds.CollectionCreated"/>, the created
/// collection), 0x-prefixed lowercase.</param>
public sealed record RetractedFact(string Kind, string Contract, ChainPosition Position);

/// <summary>Which event carried a fact, as <see cref="RetractedFact.Kind"/> names it.</summary>
public static class FactKinds
{
    /// <summary><see cref="CollectionsCreated"/> (a factory's <c>CollectionCreated</c>).</summary>
    public const string CollectionCreated = "collection_created";

    /// <summary><see cref="TokensMinted"/>.</summary>
    public const string Mint = "mint";

    /// <summary><see cref="TokensTransferred"/>.</summary>
    public const string Transfer = "transfer";

    /// <summary><see cref="MetadataChanged"/>.</summary>
    public const string Metadata = "metadata";

    /// <summary><see cref="CollectionSettingsChanged"/>.</summary>
    public const string Setting = "setting";

    /// <summary><see cref="ApprovalsChanged"/>.</summary>
    public const string Approval = "approval";
}
