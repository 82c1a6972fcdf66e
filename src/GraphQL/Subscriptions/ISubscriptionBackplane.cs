namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>
/// Carries events between Host replicas. It never hands an event back to the replica that published it: the
/// broker has already delivered that one locally.
/// </summary>
internal interface ISubscriptionBackplane
{
    /// <summary>Sends the event to the other replicas; a transport failure is logged, not thrown.</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>
    /// Starts listening for other replicas' events on <paramref name="topic"/>, calling <paramref name="deliver"/>
    /// for each in the order they were published, until the returned lease is disposed.
    /// </summary>
    IDisposable Listen(string topic, Action<ReadOnlyMemory<byte>> deliver);
}

/// <summary>A single replica: nothing to carry.</summary>
internal sealed class LocalOnlyBackplane : ISubscriptionBackplane
{
    public static readonly LocalOnlyBackplane Instance = new();

    private LocalOnlyBackplane()
    {
    }

    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public IDisposable Listen(string topic, Action<ReadOnlyMemory<byte>> deliver) => NoLease.Instance;

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
