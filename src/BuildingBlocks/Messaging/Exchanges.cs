namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>
/// The exchange the messaging mechanism itself owns. Modules name their own exchanges in their public projects and
/// register them (<c>Publishes&lt;TEvent&gt;()</c>, <c>Consume&lt;TEvent, THandler&gt;()</c>), which is what gets declared.
/// </summary>
public static class Exchanges
{
    /// <summary>
    /// Shared dead-letter exchange: carries retries (<c>retry.&lt;queue&gt;</c>), parked messages
    /// (<c>parking.&lt;queue&gt;</c>) and events no queue subscribed to (<see cref="QueueNames.UnroutedRoutingKey"/>).
    /// </summary>
    public const string DeadLetter = "dlx.events";
}

/// <summary>Names derived from a consumer queue's name.</summary>
public static class QueueNames
{
    /// <summary>Keeps events that no queue subscribed to when they were published, bounded in length.</summary>
    public const string Unrouted = "events.unrouted";

    /// <summary>The key on <see cref="Exchanges.DeadLetter"/> that leads to <see cref="Unrouted"/>.</summary>
    public const string UnroutedRoutingKey = "unrouted";

    public static string Retry(string queue) => queue + ".retry";

    public static string Parking(string queue) => queue + ".parking";

    public static string RetryRoutingKey(string queue) => "retry." + queue;

    public static string ParkingRoutingKey(string queue) => "parking." + queue;
}
