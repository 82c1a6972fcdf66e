namespace NftMarketplace.Modules.Media.Storing;

/// <summary>Where this server serves an asset and its variants (see Serving/MediaEndpoints.cs), and its ipfs:// URI.</summary>
internal static class MediaUrls
{
    public const string Prefix = "/media";

    public static string OriginalPath(string cid) => $"{Prefix}/{cid}";

    public static string VariantPath(string cid, int width) => $"{Prefix}/{cid}/w/{width}";

    public static string IpfsUri(string cid) => $"ipfs://{cid}";
}
