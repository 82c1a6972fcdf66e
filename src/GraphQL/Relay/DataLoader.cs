using GraphQL.DataLoader;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// Collects the keys that resolvers ask for and fetches them with one query when the engine first needs a value:
/// resolvers return the <see cref="IDataLoaderResult"/> of <see cref="Load"/>, the engine resolves every other field
/// it can first, then awaits them, and the first await fetches all keys queued so far. A page of N items then costs
/// one query per hop, not N. Results are cached per instance; register loaders as scoped (one per request) with
/// <see cref="DataLoaderRegistration.AddDataLoader{TLoader}"/>.
/// </summary>
/// <remarks>Derive from <see cref="BatchLoader{TKey, TValue}"/> (to-one) or <see cref="GroupedBatchLoader{TKey, TValue}"/> (to-many).</remarks>
public abstract class DataLoader<TKey, TResult>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TResult>> _loads;
    private List<TKey> _queued = [];

    private protected DataLoader(IEqualityComparer<TKey>? comparer) => _loads = new Dictionary<TKey, TaskCompletionSource<TResult>>(comparer);

    /// <summary>How keys are told apart (e.g. case-insensitively), also when a batch's answer is matched to its keys.</summary>
    private protected IEqualityComparer<TKey> KeyComparer => _loads.Comparer;

    /// <summary>The value of <paramref name="key"/>, fetched with the other keys queued before it is awaited.</summary>
    public IDataLoaderResult<TResult> Load(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        TaskCompletionSource<TResult>? load;
        lock (_gate)
        {
            if (!_loads.TryGetValue(key, out load))
            {
                load = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                _loads.Add(key, load);
                _queued.Add(key);
            }
        }

        return new PendingLoad(this, load.Task);
    }

    /// <summary>The values of <paramref name="keys"/>, in their order, fetched in one batch with any other queued keys.</summary>
    public IDataLoaderResult<IReadOnlyList<TResult>> LoadMany(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return DataLoaderResult.All(keys.Select(Load).ToList());
    }

    /// <summary>The values of <paramref name="keys"/>; a key left out of the answer gets <see cref="Missing"/>.</summary>
    private protected abstract Task<IReadOnlyDictionary<TKey, TResult>> FetchBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected abstract TResult Missing { get; }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<TKey> batch;
        List<TaskCompletionSource<TResult>> loads;
        lock (_gate)
        {
            if (_queued.Count == 0)
            {
                return;
            }

            batch = _queued;
            _queued = [];
            loads = [.. batch.Select(key => _loads[key])];
        }

        try
        {
            var values = await FetchBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                loads[i].TrySetResult(values.TryGetValue(batch[i], out var value) ? value : Missing);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            loads.ForEach(load => load.TrySetCanceled(cancellationToken));
        }
        catch (Exception ex)
        {
            // Every field waiting on this batch reports the failure; the engine turns it into a field error.
            loads.ForEach(load => load.TrySetException(ex));
        }
    }

    private sealed class PendingLoad(DataLoader<TKey, TResult> loader, Task<TResult> value) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!value.IsCompleted)
            {
                await loader.DispatchAsync(cancellationToken).ConfigureAwait(false);
            }

            return await value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A to-one hop (a book's author): each key has at most one value, null when there is none.</summary>
public abstract class BatchLoader<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) : DataLoader<TKey, TValue?>(comparer)
    where TKey : notnull
    where TValue : class
{
    /// <summary>The values of <paramref name="keys"/> (any order, missing ones left out), in one query.</summary>
    protected abstract Task<IEnumerable<TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected abstract TKey KeyOf(TValue value);

    private protected override TValue? Missing => null;

    private protected override async Task<IReadOnlyDictionary<TKey, TValue?>> FetchBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var values = new Dictionary<TKey, TValue?>(keys.Count, KeyComparer);
        foreach (var value in await FetchAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            values.TryAdd(KeyOf(value), value);
        }

        return values;
    }
}

/// <summary>A to-many hop (a shelf's books): each key has any number of values, an empty list when none.</summary>
public abstract class GroupedBatchLoader<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) : DataLoader<TKey, IReadOnlyList<TValue>>(comparer)
    where TKey : notnull
{
    /// <summary>The values of every key of <paramref name="keys"/>, in one query; each list keeps their order.</summary>
    protected abstract Task<IEnumerable<TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected abstract TKey KeyOf(TValue value);

    private protected override IReadOnlyList<TValue> Missing => [];

    private protected override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> FetchBatchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<TKey, IReadOnlyList<TValue>>(keys.Count, KeyComparer);
        foreach (var group in (await FetchAsync(keys, cancellationToken).ConfigureAwait(false)).GroupBy(KeyOf, KeyComparer))
        {
            groups[group.Key] = [.. group];
        }

        return groups;
    }
}
