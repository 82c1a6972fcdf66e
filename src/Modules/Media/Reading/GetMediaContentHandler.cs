using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Modules.Media.Reading;

/// <summary>Answers <see cref="GetMediaContent"/> from the asset's document and its object.</summary>
internal sealed class GetMediaContentHandler(MediaDocuments documents, MediaObjects objects) : IRequestHandler<GetMediaContent, MediaContent>
{
    private const string IpfsScheme = "ipfs://";

    public async Task<MediaContent> Handle(GetMediaContent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cid = request.Cid.StartsWith(IpfsScheme, StringComparison.Ordinal) ? request.Cid[IpfsScheme.Length..] : request.Cid;
        if (!ContentId.IsWellFormed(cid)
            || await documents.FindAsync(cid, cancellationToken).ConfigureAwait(false) is not { Moderation: "APPROVED" } asset)
        {
            return new MediaContentNotFound(cid);
        }

        if (asset.Bytes > request.MaxBytes)
        {
            return new MediaContentTooLarge(asset.Cid, asset.Mime, asset.Bytes);
        }

        using var stored = await objects.GetAsync(asset.S3Key, null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new MediaContentNotFound(cid);
        }

        var bytes = new byte[asset.Bytes];
        await using var body = stored.ResponseStream;
        await body.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return new MediaContentFound(asset.Cid, asset.Mime, asset.Bytes, bytes);
    }
}
