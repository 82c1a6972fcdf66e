using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// The <c>ApprovalForAll</c> logs the indexer confirmed on one chain in one block range (inclusive), in chain order: one
/// message per range, not per log. Published on <c>approvals.events</c> with key <c>approval.eip155-&lt;n&gt;</c>.
/// Consumers apply each change by its <see cref="ApprovalChange.Position"/>, so ranges may arrive in any order.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record ApprovalsChanged(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<ApprovalChange> Changes)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Approvals;

    public static string Schema => "indexing.approvals_changed";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>approval.eip155-31337</c> for <c>eip155:31337</c>: routing keys are dot-separated, so the colon goes.</summary>
    public static string Key(string chainId) => "approval." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's approvals.</summary>
    public const string AllChains = "approval.*";
}

/// <summary>
/// One <c>ApprovalForAll(owner, operator, approved)</c>: <paramref name="Owner"/> lets <paramref name="Operator"/> move
/// all its tokens of <paramref name="Contract"/> (or no longer). Addresses are 0x-prefixed lowercase.
/// </summary>
/// <param name="Standard">What <paramref name="Contract"/> is: <c>erc721</c> or <c>erc1155</c>.</param>
public sealed record ApprovalChange(
    string Owner,
    string Operator,
    bool Approved,
    string Contract,
    string Standard,
    ChainPosition Position);
