namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// One movement of one token id, normalized across standards: an ERC-721 <c>Transfer</c> is one (amount 1); an
/// ERC-1155 <c>TransferSingle</c> is one; a <c>TransferBatch</c> is one per entry of its arrays, numbered by
/// <paramref name="BatchIndex"/>, all sharing the log's <see cref="ChainPosition"/>. A fact's identity is
/// (chain, <see cref="ChainPosition.TxHash"/>, <see cref="ChainPosition.LogIndex"/>, <paramref name="BatchIndex"/>); a
/// retraction names the log, which retracts every entry of it. Addresses are 0x-prefixed lowercase; ids and amounts are
/// decimal strings (uint256).
/// </summary>
/// <param name="Standard"><see cref="TokenStandards.Erc721"/> or <see cref="TokenStandards.Erc1155"/>.</param>
/// <param name="Kind"><see cref="TransferKinds.Mint"/> (from the zero address), <see cref="TransferKinds.Burn"/> (to it) or
/// <see cref="TransferKinds.Transfer"/>.</param>
/// <param name="Operator">ERC-1155's operator (who sent the transaction or was approved); null for ERC-721.</param>
/// <param name="Amount">1 for ERC-721; the ERC-1155 value (which may be 0).</param>
/// <param name="BatchIndex">The entry of a <c>TransferBatch</c>; 0 otherwise.</param>
public sealed record TokenTransfer(
    string Contract,
    string Standard,
    string Kind,
    string? Operator,
    string From,
    string To,
    string TokenId,
    string Amount,
    int BatchIndex,
    ChainPosition Position);

/// <summary>The values of <see cref="TokenTransfer.Kind"/>.</summary>
public static class TransferKinds
{
    public const string Mint = "mint";

    public const string Transfer = "transfer";

    public const string Burn = "burn";
}
