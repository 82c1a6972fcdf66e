using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// <c>subs.indexing.mints.metadata</c>: every token the indexer saw minted gets a metadata document, due now (one that
/// has one keeps it). Only records what to fetch, set-based; the <see cref="MetadataFetcher"/> does the fetching.
/// </summary>
internal sealed class MetadataDueOnTokensMinted(MetadataQueue queue) : IIntegrationEventHandler<TokensMinted>
{
    public const string Queue = "subs.indexing.mints.metadata";

    public Task Handle(TokensMinted @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = MetadataEvents.Chain(@event.ChainId);
        var tokens = @event.Mints.Select(m => (MetadataEvents.Address(m.Contract), MetadataEvents.TokenId(m.TokenId))).ToList();
        return queue.NewTokensAsync(chain, tokens, cancellationToken);
    }
}
