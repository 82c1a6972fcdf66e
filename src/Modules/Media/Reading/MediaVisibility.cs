using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.Reading;

/// <summary>Who sees an asset: approved ones everyone; the others everyone who uploaded its bytes, and admins.</summary>
internal static class MediaVisibility
{
    public static bool CanSee(AssetDocument asset, Guid? callerId, bool callerIsAdmin)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Moderation == "APPROVED" || callerIsAdmin || (callerId is { } id && asset.WasUploadedBy(id));
    }
}
