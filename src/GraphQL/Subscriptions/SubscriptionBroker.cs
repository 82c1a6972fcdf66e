using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>
/// Fans events out to this replica's subscribers and, through the backplane, to every other replica's. An event is
/// delivered locally as soon as it is published, without waiting for the backplane, and the backplane never returns
/// it to its own replica, so each subscriber gets it exactly once.
/// </summary>
internal sealed partial class SubscriptionBroker(ISubscriptionBackplane backplane, ILogger<SubscriptionBroker> logger)
    : ISubscriptionPublisher, ISubscriptionBroker
{
    /// <summary>
    /// Events one subscriber may have waiting. Delivery only copies into per-subscriber queues, so a publisher never
    /// runs subscribers' resolvers; a subscriber that falls this far behind is ended with an error instead of
    /// holding ever more memory.
    /// </summary>
    internal const int SubscriberCapacity = 1024;

    private readonly ILogger _logger = logger;
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task PublishAsync<TEvent>(string topic, TEvent payload, CancellationToken cancellationToken = default)
    {
        SubscriptionTopic.Validate(topic);
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, SubscriptionJson.Options);
        Current(topic)?.Deliver(json);
        await backplane.PublishAsync(topic, json, cancellationToken).ConfigureAwait(false);
    }

    public IObservable<TEvent> Subscribe<TEvent>(string topic) => new TopicObservable<TEvent>(this, SubscriptionTopic.Validate(topic));

    /// <summary>This replica's subscribers of <paramref name="topic"/>.</summary>
    internal int SubscriberCount(string topic) => Current(topic)?.Count ?? 0;

    private Topic? Current(string topic)
    {
        lock (_gate)
        {
            return _topics.GetValueOrDefault(topic);
        }
    }

    private Registration Add(string topic, ITopicSubscriber subscriber)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var entry))
            {
                entry = new Topic();
                // Bound to this entry, not the name: a listener still winding down after the topic emptied must not
                // feed a newer entry that has its own listener, or its subscribers would get events twice.
                entry.Lease = backplane.Listen(topic, entry.Deliver);
                _topics.Add(topic, entry);
            }

            entry.Add(subscriber);
            return new Registration(this, topic, entry, subscriber);
        }
    }

    private void Remove(string topic, Topic entry, ITopicSubscriber subscriber)
    {
        IDisposable? lease = null;
        lock (_gate)
        {
            if (entry.Remove(subscriber) == 0 && _topics.GetValueOrDefault(topic) == entry)
            {
                _topics.Remove(topic);
                lease = entry.Lease;
            }
        }

        lease?.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "A subscriber of {Topic} fell {Capacity} events behind and was ended")]
    private static partial void LogOverflow(ILogger logger, string topic, int capacity);

    /// <summary>One topic's subscribers on this replica.</summary>
    private sealed class Topic
    {
        private ITopicSubscriber[] _subscribers = [];

        public IDisposable? Lease { get; set; }

        public int Count => Volatile.Read(ref _subscribers).Length;

        public void Deliver(ReadOnlyMemory<byte> payload)
        {
            foreach (var subscriber in Volatile.Read(ref _subscribers))
            {
                subscriber.Offer(payload);
            }
        }

        // Writers hold the broker's lock; readers take a snapshot without it.
        public void Add(ITopicSubscriber subscriber) => Volatile.Write(ref _subscribers, [.. _subscribers, subscriber]);

        public int Remove(ITopicSubscriber subscriber)
        {
            var remaining = Array.FindAll(_subscribers, s => !ReferenceEquals(s, subscriber));
            Volatile.Write(ref _subscribers, remaining);
            return remaining.Length;
        }
    }

    private sealed class Registration(SubscriptionBroker broker, string topic, Topic entry, ITopicSubscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                broker.Remove(topic, entry, subscriber);
            }
        }
    }

    private sealed class TopicObservable<TEvent>(SubscriptionBroker broker, string topic) : IObservable<TEvent>
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            var subscription = new TopicSubscription<TEvent>(observer, SubscriberCapacity, () => LogOverflow(broker._logger, topic, SubscriberCapacity));
            subscription.Start(broker.Add(topic, subscription));
            return subscription;
        }
    }
}
