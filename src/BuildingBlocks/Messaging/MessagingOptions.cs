namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>Broker behaviour (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long a failed message waits in its queue's retry queue before it is delivered again.</summary>
    /// <remarks>Part of the retry queue's declaration: changing it needs the retry queues to be deleted first.</remarks>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries of one message before it is parked (first delivery included).</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Unacknowledged messages a consumer holds at once.</summary>
    public ushort Prefetch { get; set; } = 16;

    internal IEnumerable<string> Validate()
    {
        if (RetryDelay < TimeSpan.FromMilliseconds(10) || RetryDelay > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:{nameof(RetryDelay)} must be between 00:00:00.010 and 1.00:00:00 (got {RetryDelay}).";
        }

        if (MaxDeliveryAttempts is < 1 or > 100)
        {
            yield return $"{Section}:{nameof(MaxDeliveryAttempts)} must be between 1 and 100 (got {MaxDeliveryAttempts}).";
        }

        if (Prefetch == 0)
        {
            yield return $"{Section}:{nameof(Prefetch)} must be at least 1.";
        }
    }
}
