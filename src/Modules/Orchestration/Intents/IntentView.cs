using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// What anyone may learn about an intent (its creator, that is): the source of the GraphQL <c>TxIntent</c> and of the
/// status updates, and the fast copy in <c>intent:status:{id}</c>. Addresses and the hash lowercase.
/// </summary>
internal sealed record IntentView(
    Guid IntentId,
    IntentKind Kind,
    IntentStatus Status,
    Guid CreatedBy,
    string ChainId,
    string? TxHash,
    string? PreviewAddress,
    string? Contract,
    IReadOnlyList<string>? TokenIds,
    string? Error,
    DateTimeOffset DeadlineAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static IntentView Of(TxIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new IntentView(
            intent.IntentId, intent.Kind, intent.Status, intent.CreatedBy, intent.ChainId, intent.TxHash, intent.PreviewAddress,
            intent.Contract, intent.TokenIds, intent.Error, intent.DeadlineAt, intent.CreatedAt, intent.UpdatedAt);
    }

    /// <summary>The subscription topic of an intent's changes.</summary>
    public static string Topic(Guid intentId) => $"intent:{intentId:D}";
}
