using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NftMarketplace.BuildingBlocks.Outbox;

/// <summary>
/// Wakes a module's outbox relay as soon as a commit of that module may have added messages,
/// so publishing does not wait for the next poll. A missed signal only costs one poll interval.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> _signals = new();

    public void Notify(Type contextType)
    {
        var signal = For(contextType);
        if (signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another committer signalled first; one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(Type contextType, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(contextType).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(Type contextType) => _signals.GetOrAdd(contextType, static _ => new SemaphoreSlim(0, 1));
}

/// <summary>Signals the relay after a commit, or after a save outside any explicit transaction.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData.Context);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfAutoCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfAutoCommitted(eventData.Context);
        return result;
    }

    private void NotifyIfAutoCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Notify(context);
        }
    }

    private void Notify(DbContext? context)
    {
        if (context is not null)
        {
            signal.Notify(context.GetType());
        }
    }
}
