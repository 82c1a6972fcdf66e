using System.Text.Json;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Orchestration.Collections;

/// <summary>
/// Collection-level metadata (the document <c>contractURI</c> points at) in the form marketplaces read: OpenSea's
/// contract-level metadata, with images as <c>ipfs://</c> URIs of our Media store.
/// </summary>
internal static class CollectionMetadata
{
    public static string Json(string name, string? description, string? imageCid, string? bannerCid, int royaltyBps, Address? royaltyReceiver)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = name };
        if (!string.IsNullOrEmpty(description))
        {
            document["description"] = description;
        }

        if (imageCid is not null)
        {
            document["image"] = $"ipfs://{imageCid}";
        }

        if (bannerCid is not null)
        {
            document["banner_image"] = $"ipfs://{bannerCid}";
        }

        document["seller_fee_basis_points"] = royaltyBps;
        if (royaltyReceiver is { } receiver && receiver != Address.Zero)
        {
            document["fee_recipient"] = receiver.ToChecksumString();
        }

        return JsonSerializer.Serialize(document);
    }
}
