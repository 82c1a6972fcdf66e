using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Reading;

/// <summary>
/// An asset by CID, as the caller may see it: approved assets to anyone; pending or rejected ones to their uploader and
/// admins; to anyone else they read as unknown (NOT_FOUND), like a CID nobody uploaded.
/// </summary>
internal sealed record GetMediaAsset(string Cid, Guid? CallerId, bool CallerIsAdmin) : IQuery<AssetDocument>;

internal sealed class GetMediaAssetHandler(MediaDocuments documents) : IRequestHandler<GetMediaAsset, AssetDocument>
{
    public async Task<AssetDocument> Handle(GetMediaAsset request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = ContentId.IsWellFormed(request.Cid)
            ? await documents.FindAsync(request.Cid, cancellationToken).ConfigureAwait(false)
            : null;
        return asset is not null && MediaVisibility.CanSee(asset, request.CallerId, request.CallerIsAdmin)
            ? asset
            : throw new AppException(ErrorCode.NotFound, $"No media asset has the CID '{request.Cid}'.", "cid");
    }
}
