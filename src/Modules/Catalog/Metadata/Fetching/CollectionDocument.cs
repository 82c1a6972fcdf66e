using System.Text.Json;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// What a collection's <c>contractURI</c> document (ERC-7572, OpenSea's contract-level metadata) adds to the token
/// standard the <see cref="MetadataNormalizer"/> reads: the banner (<c>banner_image</c>, or the spellings collections use).
/// </summary>
internal static class CollectionDocument
{
    private static readonly string[] BannerNames = ["banner_image", "banner_image_url", "bannerImage", "bannerImageUrl", "banner_url", "banner"];

    /// <summary>The banner URL of a document the normalizer accepted, or null.</summary>
    public static string? Banner(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MetadataNormalizer.MaxDepth + 1 });
        foreach (var name in BannerNames)
        {
            if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString()!.Trim() is { Length: > 0 } url)
            {
                return url;
            }
        }

        return null;
    }
}
