namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>What an asset is, as the seed's <c>kind</c>.</summary>
internal enum MediaKind
{
    Image,
    Video,
    Audio,
    Model,
    Metadata,
}
