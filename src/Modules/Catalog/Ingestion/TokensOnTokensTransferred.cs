using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// <c>subs.catalog.transfers</c>: the indexer's transfers and burns move owners and balances, change supplies and stats
/// and are recorded as activities (see <see cref="TransferFacts"/>).
/// </summary>
internal sealed class TokensOnTokensTransferred(TransferFacts facts) : IIntegrationEventHandler<TokensTransferred>
{
    public const string Queue = "subs.catalog.transfers";

    public async Task Handle(TokensTransferred @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = IngestionMessages.Chain(@event.ChainId);
        IngestionMessages.Transfers(@event.Transfers);
        await facts.ApplyAsync(chain, @event.Transfers, cancellationToken);
    }
}
