using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// <c>subs.catalog.activity-stream</c>: what the catalog recorded (or retracted) moves the collection's read version
/// and reaches the collection's <c>onCollectionActivity</c> subscribers on every replica, through the gateway's
/// backplane, in the batch's order. Both after the inbox's commit, so a redelivered message is not pushed twice.
/// </summary>
internal sealed class ActivityStreamOnActivitiesRecorded(CatalogDbContext db, CatalogReadVersion versions, ISubscriptionPublisher subscribers)
    : IIntegrationEventHandler<ActivitiesRecorded>
{
    public const string Queue = "subs.catalog.activity-stream";

    public Task Handle(ActivitiesRecorded @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        db.AfterCommit(async token =>
        {
            await versions.BumpAsync(@event.ChainId, [@event.Contract]).ConfigureAwait(false);
            var topic = CollectionActivityUpdate.Topic(@event.ChainId, @event.Contract);
            foreach (var activity in @event.Activities)
            {
                await subscribers.PublishAsync(topic, new CollectionActivityUpdate(activity, @event.Retracted), token).ConfigureAwait(false);
            }
        });
        return Task.CompletedTask;
    }
}

/// <summary><c>subs.catalog.read-versions</c>: a collection created, changed or retracted moves its read version.</summary>
internal sealed class ReadVersionOnCollectionUpserted(CatalogDbContext db, CatalogReadVersion versions) : IIntegrationEventHandler<CollectionUpserted>
{
    public const string Queue = "subs.catalog.read-versions";

    public Task Handle(CollectionUpserted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        db.AfterCommit(_ => versions.BumpAsync(@event.ChainId, [@event.Contract]));
        return Task.CompletedTask;
    }
}
