using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Catalog.Contracts;

/// <summary>
/// The catalog shows the tokens that transaction <paramref name="TxHash"/> minted on <paramref name="Contract"/>: one
/// message per (chain, contract, transaction), however many tokens it minted, which is how a mint intent becomes READY.
/// <paramref name="TokenIds"/> are decimal strings in ascending order (an ERC-1155 id minted twice in the transaction is
/// listed once). <paramref name="Retracted"/> is true when a reorg removed those mints.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
public sealed record MintsUpserted(
    string ChainId,
    string Contract,
    string Standard,
    string TxHash,
    long BlockNumber,
    IReadOnlyList<string> TokenIds,
    bool Retracted) : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => CatalogExchanges.Mints;

    public static string Schema => "catalog.mints_upserted";

    public static int Version => 1;

    /// <summary>The seed's key, with the first token id of the transaction.</summary>
    public string RoutingKey =>
        $"upserted.{CatalogExchanges.ChainSegment(ChainId)}.{Contract}.{(TokenIds.Count > 0 ? TokenIds[0] : "0")}";

    /// <summary>Binds every mint of every chain.</summary>
    public const string All = "upserted.#";
}
