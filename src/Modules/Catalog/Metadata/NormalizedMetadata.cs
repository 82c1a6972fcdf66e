using System.Text.Json;
using System.Text.Json.Nodes;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>A token's metadata in the common standard (ERC-721 metadata JSON with OpenSea's attributes).</summary>
internal sealed record NormalizedMetadata(
    string? Name,
    string? Description,
    string? Image,
    string? AnimationUrl,
    string? ExternalUrl,
    IReadOnlyList<NormalizedAttribute> Attributes)
{
    /// <summary>Attributes the document had but that could not be read (no trait type, no value, a nested value).</summary>
    public int SkippedAttributes { get; init; }

    /// <summary>The standard JSON form, as it is stored beside the original document.</summary>
    public string ToJson()
    {
        var attributes = new JsonArray();
        foreach (var attribute in Attributes)
        {
            var item = new JsonObject { ["trait_type"] = attribute.TraitType };
            item["value"] = attribute.Number is { } number ? JsonValue.Create(number) : JsonValue.Create(attribute.Value);
            if (attribute.DisplayType is not null)
            {
                item["display_type"] = attribute.DisplayType;
            }

            if (attribute.MaxValue is { } maxValue)
            {
                item["max_value"] = maxValue;
            }

            attributes.Add(item);
        }

        var document = new JsonObject
        {
            ["name"] = Name,
            ["description"] = Description,
            ["image"] = Image,
            ["animation_url"] = AnimationUrl,
            ["external_url"] = ExternalUrl,
            ["attributes"] = attributes,
        };
        return document.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
