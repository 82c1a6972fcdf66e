using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Orchestration.Contracts;

/// <summary>
/// A transaction intent changed status (<c>{kind}.{status}</c> on <c>intents.events</c>, e.g. <c>mint.confirmed</c>).
/// <see cref="Status"/> and <see cref="Kind"/> are the GraphQL enum names (<c>CONFIRMED</c>, <c>CREATE_COLLECTION</c>);
/// addresses and the hash lowercase; <see cref="TokenIds"/> decimal.
/// </summary>
public sealed record IntentStatusChanged(
    Guid IntentId,
    Guid CreatedBy,
    string Kind,
    string Status,
    string ChainId,
    string? TxHash,
    string? Contract,
    IReadOnlyList<string>? TokenIds,
    string? Error) : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => OrchestrationExchanges.Events;

    public static string Schema => "intents.intent_status_changed";

    public static int Version => 1;

    public string RoutingKey => $"{Kind.ToLowerInvariant()}.{Status.ToLowerInvariant()}";
}

/// <summary>Where Orchestration publishes.</summary>
public static class OrchestrationExchanges
{
    /// <summary>The topic exchange of transaction intents' status changes.</summary>
    public const string Events = "intents.events";
}
