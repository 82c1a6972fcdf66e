using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's tables live in its own schema, next to its
/// outbox (events it publishes) and inbox (events it has handled).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private List<Func<CancellationToken, Task>>? _afterCommit;

    /// <summary>The Postgres schema the module owns, e.g. <c>auth</c>.</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    /// <summary>Queues an event to be published once the current transaction commits.</summary>
    public void AddIntegrationEvent<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
        => OutboxMessages.Add(OutboxMessage.From(@event));

    /// <summary>
    /// Runs <paramref name="action"/> once the current unit of work (a command, or an inbox delivery) has committed, and
    /// never when it rolls back: for pushes to subscribers, Redis fast copies and cache invalidation, which must not
    /// announce or drop what may still be undone. A failing action is logged; the commit stands.
    /// </summary>
    /// <exception cref="InvalidOperationException">No unit of work is open, so nothing would ever run it.</exception>
    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AfterCommit needs the unit of work of a command or an inbox delivery.");
        }

        (_afterCommit ??= []).Add(action);
    }

    /// <summary>Hands over (and forgets) what the committed unit of work queued.</summary>
    internal IReadOnlyList<Func<CancellationToken, Task>> TakeAfterCommitActions()
    {
        var actions = _afterCommit ?? [];
        _afterCommit = null;
        return actions;
    }

    /// <summary>Forgets what a unit of work that did not commit queued.</summary>
    internal void DiscardAfterCommitActions() => _afterCommit = null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessedEventConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
