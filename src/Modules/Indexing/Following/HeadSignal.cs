namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// Wakes a caught-up follower as soon as its chain has a new head (a <c>newHeads</c> notification), so publishing does
/// not wait for the next poll. Several heads before the follower looks count as one: it reads the whole range anyway.
/// </summary>
internal sealed class HeadSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled meanwhile; one wake-up is enough.
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Returns when signalled or after <paramref name="timeout"/> (measured by <paramref name="time"/>), whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(elapsed.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a new head: look anyway.
        }
    }
}
