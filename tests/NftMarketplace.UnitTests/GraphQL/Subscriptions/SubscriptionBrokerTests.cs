using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.GraphQL.Subscriptions;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>Fan-out on one replica and hand-over to the backplane: once per subscriber, in order, bounded.</summary>
public sealed class SubscriptionBrokerTests
{
    private readonly FakeBackplane _backplane = new();
    private readonly SubscriptionBroker _broker;

    public SubscriptionBrokerTests() => _broker = new SubscriptionBroker(_backplane, NullLogger<SubscriptionBroker>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_event_reaches_every_local_subscriber_once_and_goes_to_the_backplane_once()
    {
        var first = new Recorder<TestEvent>();
        var second = new Recorder<TestEvent>();
        using var a = _broker.Subscribe<TestEvent>("intent:1").Subscribe(first);
        using var b = _broker.Subscribe<TestEvent>("intent:1").Subscribe(second);
        using var other = _broker.Subscribe<TestEvent>("intent:2").Subscribe(new Recorder<TestEvent>());

        await _broker.PublishAsync("intent:1", new TestEvent("mined", 1), Ct);

        Assert.Equal([new TestEvent("mined", 1)], await first.WaitForAsync(1));
        Assert.Equal([new TestEvent("mined", 1)], await second.WaitForAsync(1));
        Assert.Equal(["intent:1"], _backplane.Published.Select(p => p.Topic));
        Assert.Equal("""{"text":"mined","sequence":1}""", Encoding.UTF8.GetString(_backplane.Published.Single().Payload.Span));
    }

    [Fact]
    public async Task Another_replicas_event_reaches_local_subscribers()
    {
        var recorder = new Recorder<TestEvent>();
        using var subscription = _broker.Subscribe<TestEvent>("intent:1").Subscribe(recorder);

        _backplane.DeliverFromAnotherReplica("intent:1", """{"text":"confirmed","sequence":2}""");

        Assert.Equal([new TestEvent("confirmed", 2)], await recorder.WaitForAsync(1));
    }

    [Fact]
    public async Task Events_arrive_in_the_order_they_were_published()
    {
        var recorder = new Recorder<TestEvent>();
        using var subscription = _broker.Subscribe<TestEvent>("t").Subscribe(recorder);

        for (var i = 0; i < 500; i++)
        {
            await _broker.PublishAsync("t", new TestEvent("e", i), Ct);
        }

        Assert.Equal(Enumerable.Range(0, 500), (await recorder.WaitForAsync(500)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_backplane_is_listened_to_while_the_topic_has_subscribers()
    {
        var first = _broker.Subscribe<TestEvent>("t").Subscribe(new Recorder<TestEvent>());
        var second = _broker.Subscribe<TestEvent>("t").Subscribe(new Recorder<TestEvent>());
        Assert.Equal((1, 0), (_backplane.ListenCount("t"), _backplane.StoppedCount("t")));
        Assert.Equal(2, _broker.SubscriberCount("t"));

        first.Dispose();
        Assert.Equal((0, 1), (_backplane.StoppedCount("t"), _broker.SubscriberCount("t")));
        second.Dispose();

        Assert.Equal((1, 0), (_backplane.StoppedCount("t"), _broker.SubscriberCount("t")));
        await _broker.PublishAsync("t", new TestEvent("to nobody", 0), Ct);
    }

    [Fact]
    public async Task A_listener_still_winding_down_does_not_feed_a_newer_subscriber_of_the_topic()
    {
        _broker.Subscribe<TestEvent>("t").Subscribe(new Recorder<TestEvent>()).Dispose();
        var recorder = new Recorder<TestEvent>();
        using var subscription = _broker.Subscribe<TestEvent>("t").Subscribe(recorder);

        _backplane.DeliverThroughListener("t", listener: 0, """{"text":"stale","sequence":1}""");
        _backplane.DeliverThroughListener("t", listener: 1, """{"text":"current","sequence":2}""");

        Assert.Equal([new TestEvent("current", 2)], await recorder.WaitForAsync(1));
        await _broker.PublishAsync("t", new TestEvent("marker", 3), Ct);
        Assert.Equal(["current", "marker"], (await recorder.WaitForAsync(2)).Select(e => e.Text));
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more()
    {
        var recorder = new Recorder<TestEvent>();
        var subscription = _broker.Subscribe<TestEvent>("t").Subscribe(recorder);
        await _broker.PublishAsync("t", new TestEvent("before", 1), Ct);
        await recorder.WaitForAsync(1);

        subscription.Dispose();
        await _broker.PublishAsync("t", new TestEvent("after", 2), Ct);

        Assert.Equal(["before"], recorder.Events.Select(e => e.Text));
        Assert.False(recorder.Ended.IsCompleted);
    }

    [Fact]
    public async Task A_subscriber_that_falls_too_far_behind_is_ended_with_an_overflow_error()
    {
        using var release = new ManualResetEventSlim();
        var blocked = new Recorder<TestEvent>(onNext: release.Wait);
        using var subscription = _broker.Subscribe<TestEvent>("t").Subscribe(blocked);

        for (var i = 0; i < SubscriptionBroker.SubscriberCapacity + 2; i++)
        {
            await _broker.PublishAsync("t", new TestEvent("e", i), Ct);
        }

        release.Set();
        var error = await blocked.Ended.WaitAsync(WsTestClient.Patience, Ct);
        Assert.IsType<SubscriptionOverflowError>(error);
        Assert.Equal("INTERNAL", ((SubscriptionOverflowError)error!).Code);
        Assert.Equal(0, _broker.SubscriberCount("t"));
    }

    [Fact]
    public async Task A_payload_that_does_not_read_as_the_subscribers_type_ends_it_with_an_error()
    {
        var recorder = new Recorder<int>();
        using var subscription = _broker.Subscribe<int>("t").Subscribe(recorder);

        await _broker.PublishAsync("t", new TestEvent("not a number", 1), Ct);

        Assert.IsType<System.Text.Json.JsonException>(await recorder.Ended.WaitAsync(WsTestClient.Patience, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_topic_needs_a_name(string topic)
    {
        Assert.Throws<ArgumentException>(() => _broker.Subscribe<int>(topic));
        await Assert.ThrowsAsync<ArgumentException>(() => _broker.PublishAsync(topic, 1, Ct));
    }

    [Fact]
    public void A_topic_name_is_bounded() =>
        Assert.Throws<ArgumentException>(() => _broker.Subscribe<int>(new string('t', SubscriptionTopic.MaxLength + 1)));

    [Fact]
    public void The_backplane_envelope_names_the_publishing_replica()
    {
        var replica = Guid.NewGuid();

        var envelope = BackplaneEnvelope.Wrap(replica, "{\"a\":1}"u8);

        Assert.True(BackplaneEnvelope.TryUnwrap(envelope, out var origin, out var payload));
        Assert.Equal((replica, "{\"a\":1}"), (origin, Encoding.UTF8.GetString(payload.Span)));
        Assert.False(BackplaneEnvelope.TryUnwrap("{\"a\":1}"u8.ToArray(), out _, out _));
        Assert.False(BackplaneEnvelope.TryUnwrap(new byte[3], out _, out _));
    }

    /// <summary>Records what the broker hands to other replicas, and plays their part.</summary>
    private sealed class FakeBackplane : ISubscriptionBackplane
    {
        private readonly List<(string Topic, Action<ReadOnlyMemory<byte>> Deliver, Lease Lease)> _listeners = [];

        public ConcurrentQueue<(string Topic, ReadOnlyMemory<byte> Payload)> Published { get; } = new();

        public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            Published.Enqueue((topic, payload));
            return Task.CompletedTask;
        }

        public IDisposable Listen(string topic, Action<ReadOnlyMemory<byte>> deliver)
        {
            var lease = new Lease();
            _listeners.Add((topic, deliver, lease));
            return lease;
        }

        public int ListenCount(string topic) => _listeners.Count(l => l.Topic == topic && !l.Lease.Disposed);

        public int StoppedCount(string topic) => _listeners.Count(l => l.Topic == topic && l.Lease.Disposed);

        public void DeliverFromAnotherReplica(string topic, string json)
        {
            foreach (var listener in _listeners.Where(l => l.Topic == topic && !l.Lease.Disposed))
            {
                listener.Deliver(Encoding.UTF8.GetBytes(json));
            }
        }

        public void DeliverThroughListener(string topic, int listener, string json) =>
            _listeners.Where(l => l.Topic == topic).ElementAt(listener).Deliver(Encoding.UTF8.GetBytes(json));

        public sealed class Lease : IDisposable
        {
            public bool Disposed { get; private set; }

            public void Dispose() => Disposed = true;
        }
    }
}

/// <summary>An observer that keeps what it was given and lets a test await it.</summary>
internal sealed class Recorder<T>(Action? onNext = null) : IObserver<T>
{
    private readonly List<T> _events = [];
    private readonly TaskCompletionSource<Exception?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Completes with the error that ended the stream, or null when it completed.</summary>
    public Task<Exception?> Ended => _ended.Task;

    public async Task<IReadOnlyList<T>> WaitForAsync(int count)
    {
        await WsTestHost.UntilAsync(() => Events.Count >= count, $"{count} events");
        return Events;
    }

    public void OnNext(T value)
    {
        onNext?.Invoke();
        lock (_events)
        {
            _events.Add(value);
        }
    }

    public void OnError(Exception error) => _ended.TrySetResult(error);

    public void OnCompleted() => _ended.TrySetResult(null);
}
