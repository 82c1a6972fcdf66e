namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module tells the others, published through its outbox.
/// The static members name where it goes and what it is, so routing needs no reflection.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The topic exchange it is published to, e.g. <c>auth.events</c>.</summary>
    static abstract string Exchange { get; }

    /// <summary>The envelope's <c>schema</c>, e.g. <c>auth.user_logged_in</c>: stable across renames of the CLR type.</summary>
    static abstract string Schema { get; }

    /// <summary>The envelope's <c>version</c>; bumped on a breaking change of the payload.</summary>
    static abstract int Version { get; }

    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The routing key, which may depend on the payload, e.g. <c>created.eip155-31337</c>.</summary>
    string RoutingKey { get; }
}

/// <summary>Convenience base giving every event a time-ordered id and a timestamp.</summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
