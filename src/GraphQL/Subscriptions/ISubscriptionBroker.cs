namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>Where a subscription field's stream comes from: the events published on a topic.</summary>
public interface ISubscriptionBroker
{
    /// <summary>
    /// The events published on <paramref name="topic"/> from the moment an observer subscribes until it disposes
    /// its subscription, in the order each replica published them. Each observer gets its own copy of every event.
    /// </summary>
    IObservable<TEvent> Subscribe<TEvent>(string topic);
}
