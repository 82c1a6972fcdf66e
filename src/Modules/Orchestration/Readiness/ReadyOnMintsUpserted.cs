using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Readiness;

/// <summary>
/// The catalog shows the tokens a transaction minted: that MINT intent becomes READY with the ids
/// (<see cref="MarkIntentReady"/>); retracted by a reorg, it goes back to PENDING.
/// </summary>
internal sealed class ReadyOnMintsUpserted(ISender sender) : IIntegrationEventHandler<MintsUpserted>
{
    /// <summary>Bound to <c>mints.domain</c> with <see cref="MintsUpserted.All"/>.</summary>
    public const string Queue = "subs.catalog.mints_upserted";

    public async Task Handle(MintsUpserted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Retracted)
        {
            await sender.Send(new ReopenRetractedIntent(@event.ChainId, @event.TxHash, IntentKind.Mint), cancellationToken);
            return;
        }

        await sender.Send(new MarkIntentReady(@event.ChainId, @event.TxHash, IntentKind.Mint, @event.Contract, @event.TokenIds), cancellationToken);
    }
}
