using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Catalog.Contracts;

/// <summary>
/// Activities the catalog recorded for one collection in one applied batch — or, with <paramref name="Retracted"/>,
/// removed because a reorg took their facts away (same ids and fields as when they were recorded). What
/// <c>onCollectionActivity</c> pushes to its subscribers.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record ActivitiesRecorded(
    string ChainId,
    string Contract,
    bool Retracted,
    IReadOnlyList<ActivityDto> Activities) : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => CatalogExchanges.Activities;

    public static string Schema => "catalog.activities_recorded";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId, Contract);

    /// <summary><c>activity.eip155-31337.0xabc…</c>.</summary>
    public static string Key(string chainId, string contract) =>
        $"activity.{CatalogExchanges.ChainSegment(chainId)}.{contract}";

    /// <summary>Binds every collection's activity.</summary>
    public const string All = "activity.#";
}

/// <summary>
/// One activity: one per (chain, transaction, log, batch entry) — an ERC-1155 batch gives one per entry. Addresses and
/// hashes 0x-prefixed lowercase; token id, quantity and price decimal strings.
/// </summary>
/// <param name="Id">Stable: <c>{chainId}/{txHash}/{logIndex}/{batchIndex}</c>, the same when retracted.</param>
/// <param name="Type">The GraphQL <c>ActivityType</c> name: <c>MINT</c>, <c>TRANSFER</c>, <c>BURN</c>, …</param>
public sealed record ActivityDto(
    string Id,
    string Type,
    string ChainId,
    string Contract,
    string? TokenId,
    string? From,
    string? To,
    string? Quantity,
    string? Price,
    string TxHash,
    long BlockNumber,
    int LogIndex,
    int BatchIndex,
    DateTimeOffset Timestamp);
