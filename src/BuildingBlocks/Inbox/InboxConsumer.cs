using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.BuildingBlocks.Inbox;

/// <summary>What became of one delivery.</summary>
public enum DeliveryOutcome
{
    Handled,
    Duplicate,
}

/// <summary>One queue, the events it receives and the handler that applies them.</summary>
public interface IConsumerRegistration
{
    string Queue { get; }

    string Exchange { get; }

    IReadOnlyList<string> BindingKeys { get; }

    /// <summary>
    /// Null: the queue's messages are applied one at a time, in order. Otherwise the key of this message: messages of
    /// different keys are applied concurrently (up to <c>Messaging:Prefetch</c>), those of one key in their order. Null
    /// for a body it cannot read (the in-order path parks it).
    /// </summary>
    string? OrderingKey(ReadOnlyMemory<byte> body);

    /// <summary>Applies one message exactly once, in its own DI scope.</summary>
    /// <exception cref="MalformedMessageException">The message can never be handled.</exception>
    Task<DeliveryOutcome> DeliverAsync(IServiceProvider scopedServices, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}

internal sealed class InboxConsumer<TEvent, THandler, TContext>(string queue, IReadOnlyList<string> bindingKeys, Func<TEvent, string>? orderingKey = null)
    : IConsumerRegistration
    where TEvent : IIntegrationEvent
    where THandler : class, IIntegrationEventHandler<TEvent>
    where TContext : ModuleDbContext
{
    public string Queue => queue;

    public string Exchange => TEvent.Exchange;

    public IReadOnlyList<string> BindingKeys => bindingKeys;

    public string? OrderingKey(ReadOnlyMemory<byte> body)
    {
        if (orderingKey is null)
        {
            return null;
        }

        try
        {
            return orderingKey(EventEnvelope.Deserialize<TEvent>(body.Span));
        }
        catch (MalformedMessageException)
        {
            return null;
        }
    }

    public async Task<DeliveryOutcome> DeliverAsync(IServiceProvider scopedServices, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var @event = EventEnvelope.Deserialize<TEvent>(body.Span);
        var db = scopedServices.GetRequiredService<TContext>();

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // A concurrent delivery of the same event blocks here on the key until the first commits,
            // then inserts nothing: the handler runs at most once per event and consumer.
#pragma warning disable EF1002 // The schema is a module constant, never input; values are parameters.
            var inserted = await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"{db.Schema}\".processed_events (event_id, consumer, schema, processed_at) VALUES ({{0}}, {{1}}, {{2}}, now()) ON CONFLICT DO NOTHING",
                [@event.EventId, queue, TEvent.Schema],
                cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
            if (inserted == 0)
            {
                return DeliveryOutcome.Duplicate;
            }

            await scopedServices.GetRequiredService<THandler>().Handle(@event, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            db.DiscardAfterCommitActions();
            throw;
        }

        // Side effects the handler queued (cache invalidation, pushes) wait for the commit, as in a command's unit of work.
        await scopedServices.GetRequiredService<AfterCommitRunner>().RunAsync(db).ConfigureAwait(false);
        return DeliveryOutcome.Handled;
    }
}
