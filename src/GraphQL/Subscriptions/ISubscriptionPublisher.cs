namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>
/// Raises a subscription event: every subscriber of <c>topic</c> on every Host replica receives
/// <c>payload</c>, once. Topics are per-module strings such as <c>intent:{intentId}</c>.
/// </summary>
/// <remarks>
/// Events are notifications, not records: one published while Redis is unreachable reaches this replica's
/// subscribers only, and a client that reconnects reads the current state rather than replaying what it missed.
/// The payload travels as JSON (<see cref="SubscriptionJson.Options"/>), so use a type that round-trips through it.
/// </remarks>
public interface ISubscriptionPublisher
{
    Task PublishAsync<TEvent>(string topic, TEvent payload, CancellationToken cancellationToken = default);
}
