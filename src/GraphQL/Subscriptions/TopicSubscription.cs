using System.Text.Json;
using System.Threading.Channels;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>Receives a topic's events as published JSON; must not block, since publishers call it.</summary>
internal interface ITopicSubscriber
{
    void Offer(ReadOnlyMemory<byte> payload);
}

/// <summary>
/// One observer of a topic: events wait in a bounded queue and are read back into <typeparamref name="TEvent"/> and
/// passed on, in order, by the subscription's own loop.
/// </summary>
internal sealed class TopicSubscription<TEvent> : ITopicSubscriber, IDisposable
{
    private readonly IObserver<TEvent> _observer;
    private readonly Action _onOverflow;
    private readonly Channel<ReadOnlyMemory<byte>> _inbox;
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _registration;
    private int _disposed;

    public TopicSubscription(IObserver<TEvent> observer, int capacity, Action onOverflow)
    {
        _observer = observer;
        _onOverflow = onOverflow;
        _inbox = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public void Start(IDisposable registration)
    {
        _registration = registration;
        _ = PumpAsync();
    }

    public void Offer(ReadOnlyMemory<byte> payload)
    {
        // Only a full (or already ended) queue refuses; the events before the overflow are still delivered.
        if (!_inbox.Writer.TryWrite(payload) && _inbox.Writer.TryComplete(new SubscriptionOverflowError()))
        {
            _onOverflow();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _registration?.Dispose();
        _inbox.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var payload in _inbox.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                _observer.OnNext(JsonSerializer.Deserialize<TEvent>(payload.Span, SubscriptionJson.Options)!);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the observer has gone and wants nothing more.
        }
        catch (Exception ex)
        {
            // The overflow, or a payload that does not read as TEvent (a publisher and a subscriber disagreeing on a
            // topic's type): either ends this subscription, which the transport reports as the operation's error.
            _registration?.Dispose();
            _observer.OnError(ex);
        }
    }
}
