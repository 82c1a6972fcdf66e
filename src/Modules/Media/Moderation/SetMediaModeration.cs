using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Moderation;

/// <summary>An admin approves or rejects an asset (or puts it back to pending); a rejected asset is no longer served.</summary>
internal sealed record SetMediaModeration(string Cid, ModerationStatus Status) : IRequest<AssetDocument>;

internal sealed class SetMediaModerationHandler(MediaDocuments documents) : IRequestHandler<SetMediaModeration, AssetDocument>
{
    public async Task<AssetDocument> Handle(SetMediaModeration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await documents.SetModerationAsync(request.Cid, request.Status, cancellationToken).ConfigureAwait(false))
        {
            throw new AppException(ErrorCode.NotFound, $"No media asset has the CID '{request.Cid}'.", "input.cid");
        }

        return (await documents.FindAsync(request.Cid, cancellationToken).ConfigureAwait(false))!;
    }
}
