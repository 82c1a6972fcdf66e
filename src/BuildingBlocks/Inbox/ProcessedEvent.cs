namespace NftMarketplace.BuildingBlocks.Inbox;

/// <summary>
/// Marks an event as handled by one consumer. Written in the same transaction as the
/// handler's effect, so a redelivered message finds it and has no second effect.
/// The key includes the consumer because one module may handle the same event in several ways.
/// </summary>
public sealed class ProcessedEvent
{
    public Guid EventId { get; set; }

    public string Consumer { get; set; } = "";

    public string Schema { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
