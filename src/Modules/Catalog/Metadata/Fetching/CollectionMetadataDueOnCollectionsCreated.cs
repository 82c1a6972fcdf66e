using System.Globalization;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// <c>subs.indexing.collections.metadata</c>: a collection the indexer follows from now on gets its own document (its
/// <c>contractURI</c>: description, image, banner, external link), due now.
/// </summary>
internal sealed class CollectionMetadataDueOnCollectionsCreated(MetadataQueue queue) : IIntegrationEventHandler<CollectionsCreated>
{
    public const string Queue = "subs.indexing.collections.metadata";

    private static readonly string CollectionDocument = MetadataQueue.CollectionDocument.ToString(CultureInfo.InvariantCulture);

    public Task Handle(CollectionsCreated @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = MetadataEvents.Chain(@event.ChainId);
        var documents = @event.Collections.Select(c => (MetadataEvents.Address(c.Address), CollectionDocument)).ToList();
        return queue.NewTokensAsync(chain, documents, cancellationToken);
    }
}
