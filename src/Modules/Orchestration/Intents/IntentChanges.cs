using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.Modules.Orchestration.Contracts;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// What follows every change of an intent: <c>intents.events</c> through the outbox, in the change's transaction;
/// once it committed, the fast copy and the push to subscribers on every replica (the gateway's backplane).
/// </summary>
internal sealed class IntentChanges(IntentStatusCache cache, ISubscriptionPublisher subscribers)
{
    public void Record(OrchestrationDbContext db, TxIntent intent)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intent);
        var view = IntentView.Of(intent);
        db.AddIntegrationEvent(new IntentStatusChanged(
            intent.IntentId, intent.CreatedBy, intent.Kind.Name(), intent.Status.Name(), intent.ChainId, intent.TxHash,
            intent.Contract ?? intent.PreviewAddress, intent.TokenIds, intent.Error));
        db.AfterCommit(async cancellationToken =>
        {
            await cache.WriteAsync(view, cancellationToken).ConfigureAwait(false);
            await subscribers.PublishAsync(IntentView.Topic(view.IntentId), view, cancellationToken).ConfigureAwait(false);
        });
    }
}
