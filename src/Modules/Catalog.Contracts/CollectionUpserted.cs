using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Catalog.Contracts;

/// <summary>
/// The catalog shows <paramref name="Contract"/> on <paramref name="ChainId"/> (created from the indexer's announcement,
/// or changed since). <paramref name="TxHash"/> is the transaction that deployed it when known (a factory collection),
/// which is how a create-collection intent finds its collection; <paramref name="Retracted"/> is true when a reorg
/// removed the collection's creation and the catalog no longer shows it. Addresses and hashes are 0x-prefixed lowercase.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
/// <param name="Source"><c>factory</c> or <c>tracked</c>.</param>
public sealed record CollectionUpserted(
    string ChainId,
    string Contract,
    string Standard,
    string Source,
    string? TxHash,
    string? Creator,
    string? Owner,
    string? Name,
    long? DeployedBlock,
    bool Retracted) : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => CatalogExchanges.Collections;

    public static string Schema => "catalog.collection_upserted";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId, Contract);

    /// <summary><c>upserted.eip155-31337.0xabc…</c>.</summary>
    public static string Key(string chainId, string contract) =>
        $"upserted.{CatalogExchanges.ChainSegment(chainId)}.{contract}";

    /// <summary>Binds every collection of every chain.</summary>
    public const string All = "upserted.#";
}
