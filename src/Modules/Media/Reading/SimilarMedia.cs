using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Reading;

/// <summary>
/// Approved images whose perceptual hash is within <c>MaxDistance</c> bits (Hamming) of the asset's or of its mirror
/// image's — copy-mint detection. The asset itself is not listed; an asset without a hash (not an image) has none.
/// </summary>
internal sealed record SimilarMedia(string Cid, int MaxDistance, Guid? CallerId, bool CallerIsAdmin) : IQuery<IReadOnlyList<AssetDocument>>;

internal sealed class SimilarMediaHandler(MediaDocuments documents) : IRequestHandler<SimilarMedia, IReadOnlyList<AssetDocument>>
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<AssetDocument>> Handle(SimilarMedia request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxDistance is < 0 or > 32)
        {
            throw new BadInputException("maxDistance must be between 0 and 32.", "maxDistance");
        }

        var asset = await documents.FindAsync(request.Cid, cancellationToken).ConfigureAwait(false);
        if (asset is null || !MediaVisibility.CanSee(asset, request.CallerId, request.CallerIsAdmin))
        {
            throw new AppException(ErrorCode.NotFound, $"No media asset has the CID '{request.Cid}'.", "cid");
        }

        return asset.Phash is null || asset.PhashMirror is null
            ? []
            : await documents.SimilarAsync(asset.Cid, asset.Phash, asset.PhashMirror, request.MaxDistance, MaxResults, cancellationToken).ConfigureAwait(false);
    }
}
