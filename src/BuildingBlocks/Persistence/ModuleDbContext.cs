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
    /// <summary>The Postgres schema the module owns, e.g. <c>auth</c>.</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    /// <summary>Queues an event to be published once the current transaction commits.</summary>
    public void AddIntegrationEvent<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
        => OutboxMessages.Add(OutboxMessage.From(@event));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessedEventConfiguration());
        base.OnModelCreating(modelBuilder);
    }
}
