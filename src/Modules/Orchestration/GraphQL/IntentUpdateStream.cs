using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

/// <summary>
/// An intent's updates for one subscriber: its current state first, then every change, whichever replica made it.
/// It listens before the current state is read, so a change committed in between is not lost; what it heard before
/// the state (or twice) is dropped by the status order, which only moves forward. A final status completes it.
/// </summary>
internal sealed class IntentUpdateStream : IObservable<IntentView>, IObserver<IntentView>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<IntentView> _heard = [];
    private IDisposable? _source;
    private IObserver<IntentView>? _observer;
    private IntentView? _current;
    private int _lastOrder = -1;
    private bool _done;

    private IntentUpdateStream()
    {
    }

    /// <summary>Starts listening to the intent's topic; call <see cref="Begin"/> with its state once read.</summary>
    public static IntentUpdateStream Listen(ISubscriptionBroker broker, Guid intentId)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var stream = new IntentUpdateStream();
        stream._source = broker.Subscribe<IntentView>(IntentView.Topic(intentId)).Subscribe(stream);
        return stream;
    }

    public IntentUpdateStream Begin(IntentView current)
    {
        _current = current;
        return this;
    }

    public IDisposable Subscribe(IObserver<IntentView> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observer = observer;
            if (_current is { } current)
            {
                Emit(current);
            }

            foreach (var heard in _heard)
            {
                Emit(heard);
            }

            _heard.Clear();
        }

        return this;
    }

    public void OnNext(IntentView value)
    {
        lock (_gate)
        {
            if (_observer is null)
            {
                _heard.Add(value);
            }
            else
            {
                Emit(value);
            }
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            _observer?.OnError(error);
            _done = true;
        }
    }

    public void OnCompleted()
    {
        lock (_gate)
        {
            if (!_done)
            {
                _done = true;
                _observer?.OnCompleted();
            }
        }
    }

    public void Dispose() => _source?.Dispose();

    private void Emit(IntentView update)
    {
        var order = IntentTransitions.Order(update.Status);
        if (_done || order <= _lastOrder)
        {
            return;
        }

        _lastOrder = order;
        _observer!.OnNext(update);
        if (IntentTransitions.IsFinal(update.Status))
        {
            _done = true;
            _observer.OnCompleted();
        }
    }
}
