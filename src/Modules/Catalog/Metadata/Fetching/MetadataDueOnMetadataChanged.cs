using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// <c>subs.indexing.metadata</c>: the chain said metadata changed, so it is fetched again now — an ERC-1155 <c>URI</c>
/// or an ERC-4906 <c>MetadataUpdate</c> that token, a <c>BatchMetadataUpdate</c> every known token of its range, an
/// ERC-7572 <c>ContractURIUpdated</c> the collection's own document. The new URI is read from the chain when fetching,
/// not taken from the log, so changes arriving in any order end at the current one.
/// </summary>
internal sealed class MetadataDueOnMetadataChanged(MetadataQueue queue) : IIntegrationEventHandler<MetadataChanged>
{
    public const string Queue = "subs.indexing.metadata";

    private static readonly string CollectionDocument = MetadataQueue.CollectionDocument.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task Handle(MetadataChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = MetadataEvents.Chain(@event.ChainId);
        var documents = new List<(string Contract, string TokenId)>();
        var ranges = new List<(string Contract, string From, string To)>();
        foreach (var change in @event.Changes)
        {
            var contract = MetadataEvents.Address(change.Contract);
            switch (change.Kind)
            {
                case MetadataChangeKinds.Uri or MetadataChangeKinds.Token:
                    documents.Add((contract, MetadataEvents.TokenId(change.TokenId)));
                    break;
                case MetadataChangeKinds.Range:
                    ranges.Add((contract, MetadataEvents.TokenId(change.FromTokenId), MetadataEvents.TokenId(change.ToTokenId)));
                    break;
                case MetadataChangeKinds.Contract:
                    documents.Add((contract, CollectionDocument));
                    break;
                default:
                    // A kind added later is not this consumer's to guess at.
                    break;
            }
        }

        await queue.DueNowAsync(chain, documents, cancellationToken).ConfigureAwait(false);
        await queue.RangesDueNowAsync(chain, ranges, cancellationToken).ConfigureAwait(false);
    }
}
