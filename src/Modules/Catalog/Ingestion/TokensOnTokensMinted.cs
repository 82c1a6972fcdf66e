using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// <c>subs.catalog.mints</c>: the indexer's mints become tokens, balances, activities, stats and one
/// <c>MintsUpserted</c> per transaction (see <see cref="TransferFacts"/>).
/// </summary>
internal sealed class TokensOnTokensMinted(TransferFacts facts) : IIntegrationEventHandler<TokensMinted>
{
    public const string Queue = "subs.catalog.mints";

    public async Task Handle(TokensMinted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = IngestionMessages.Chain(@event.ChainId);
        IngestionMessages.Transfers(@event.Mints);
        await facts.ApplyAsync(chain, @event.Mints, cancellationToken);
    }
}
