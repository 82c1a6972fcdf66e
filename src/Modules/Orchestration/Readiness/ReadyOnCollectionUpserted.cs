using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// The catalog shows a collection its deployment transaction created: that CREATE_COLLECTION intent becomes READY with
/// the address (<see cref="MarkIntentReady"/>); retracted, it goes back to PENDING. Collections without a deployment
/// transaction (tracked contracts) concern no intent.
/// </summary>
internal sealed class ReadyOnCollectionUpserted(ISender sender) : IIntegrationEventHandler<CollectionUpserted>
{
    /// <summary>Bound to <c>collections.domain</c> with <see cref="CollectionUpserted.All"/>.</summary>
    public const string Queue = "subs.catalog.collection_upserted";

    public async Task Handle(CollectionUpserted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.TxHash is not { } txHash)
        {
            return;
        }

        if (@event.Retracted)
        {
            await sender.Send(new ReopenRetractedIntent(@event.ChainId, txHash, IntentKind.CreateCollection), cancellationToken);
            return;
        }

        await sender.Send(new MarkIntentReady(@event.ChainId, txHash, IntentKind.CreateCollection, @event.Contract, null), cancellationToken);
    }
}
