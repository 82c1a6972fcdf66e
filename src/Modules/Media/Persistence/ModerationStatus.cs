namespace NftMarketplace.Modules.Media.Persistence;

/// <summary>An asset's moderation state; only APPROVED assets are public.</summary>
internal enum ModerationStatus
{
    Pending,
    Approved,
    Rejected,
}
