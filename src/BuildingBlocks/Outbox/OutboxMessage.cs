using System.Diagnostics;
using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.BuildingBlocks.Outbox;

/// <summary>
/// An integration event waiting to be published, stored in the module's own schema in the
/// same transaction as the state change it announces.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    /// <summary>The event's id; consumers deduplicate on it.</summary>
    public Guid Id { get; private set; }

    public string Exchange { get; private set; } = "";

    public string RoutingKey { get; private set; } = "";

    public string Schema { get; private set; } = "";

    /// <summary>The complete envelope as it goes on the wire.</summary>
    public string Payload { get; private set; } = "";

    /// <summary>W3C trace context of the operation that raised the event, so the consumer joins its trace.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public static OutboxMessage From<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
    {
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = @event.EventId,
            Exchange = TEvent.Exchange,
            RoutingKey = @event.RoutingKey,
            Schema = TEvent.Schema,
            Payload = EventEnvelope.Serialize(@event),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            OccurredAt = @event.OccurredAt,
            NextAttemptAt = @event.OccurredAt,
        };
    }

    public void MarkPublished(DateTimeOffset at)
    {
        PublishedAt = at;
        LastError = null;
    }

    /// <summary>Backs off exponentially (1 s, 2 s, 4 s … capped) so a broker outage is not hammered.</summary>
    public void MarkFailed(string error, DateTimeOffset now, TimeSpan maxBackoff)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(Attempts - 1, 16)));
        NextAttemptAt = now + (backoff < maxBackoff ? backoff : maxBackoff);
    }
}
