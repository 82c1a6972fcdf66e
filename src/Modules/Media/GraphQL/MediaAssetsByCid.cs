using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.GraphQL;

/// <summary>Assets by CID, for <c>node(id)</c>: approved ones only (a pending asset is no one's business through node).</summary>
internal sealed class MediaAssetsByCid(MediaDocuments documents) : BatchLoader<string, AssetDocument>
{
    protected override async Task<IEnumerable<AssetDocument>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        await documents.FindApprovedAsync(keys, cancellationToken);

    protected override string KeyOf(AssetDocument value) => value.Cid;
}
