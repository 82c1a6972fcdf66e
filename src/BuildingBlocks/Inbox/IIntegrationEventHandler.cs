using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.BuildingBlocks.Inbox;

/// <summary>
/// Handles an integration event inside its module's transaction. The inbox guarantees one
/// effect per event: the handler's changes to the module's DbContext are saved and committed
/// together with the event's inbox row, so it needs no deduplication of its own.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task Handle(TEvent @event, CancellationToken cancellationToken);
}
