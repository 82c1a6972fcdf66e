namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>The durable topic exchanges of the system (ARCHITECTURE.md §3).</summary>
public static class Exchanges
{
    public const string AuthEvents = "auth.events";
    public const string UsersEvents = "users.events";
    public const string WalletsEvents = "wallets.events";
    public const string CollectionsEvents = "collections.events";
    public const string MintsEvents = "mints.events";
    public const string CollectionsDomain = "collections.domain";
    public const string MintsDomain = "mints.domain";

    /// <summary>
    /// Shared dead-letter exchange: carries retries (<c>retry.&lt;queue&gt;</c>), parked messages
    /// (<c>parking.&lt;queue&gt;</c>) and events no queue subscribed to (<see cref="QueueNames.UnroutedRoutingKey"/>).
    /// </summary>
    public const string DeadLetter = "dlx.events";

    public static IReadOnlyList<string> All { get; } =
        [AuthEvents, UsersEvents, WalletsEvents, CollectionsEvents, MintsEvents, CollectionsDomain, MintsDomain, DeadLetter];
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
