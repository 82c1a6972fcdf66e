namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// One setting change as the indexer sent it (table <c>catalog.collection_setting_facts</c>): kept so that owner,
/// royalty and roles can be derived again from every fact, whatever order they arrived in or were retracted.
/// </summary>
internal sealed class CollectionSettingFact
{
    public required string ChainId { get; init; }

    public required string TxHash { get; init; }

    public int LogIndex { get; init; }

    public required string Contract { get; init; }

    /// <summary>One of the indexer's <c>SettingChangeKinds</c>.</summary>
    public required string Kind { get; init; }

    public string? RoyaltyReceiver { get; init; }

    public int? RoyaltyBps { get; init; }

    public string? Account { get; init; }

    public string? PreviousAccount { get; init; }

    /// <summary>bytes32 role id, 0x-prefixed.</summary>
    public string? Role { get; init; }

    public string? Sender { get; init; }

    public long BlockNumber { get; init; }

    public required string BlockHash { get; init; }

    public DateTimeOffset BlockTime { get; init; }
}
