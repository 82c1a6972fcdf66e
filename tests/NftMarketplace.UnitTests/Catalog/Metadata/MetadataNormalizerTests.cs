using System.Text;
using System.Text.Json;
using NftMarketplace.Modules.Catalog.Metadata;

namespace NftMarketplace.UnitTests.Catalog.Metadata;

public sealed class MetadataNormalizerTests
{
    [Fact]
    public void Reads_the_standard_fields()
    {
        var metadata = Ok("""
            {"name": "Ape #1", "description": "An ape.", "image": "ipfs://bafy/1.png", "animation_url": "ipfs://bafy/1.mp4",
             "external_url": "https://example.com/1", "attributes": [{"trait_type": "Hat", "value": "Cap"}]}
            """);

        Assert.Equal("Ape #1", metadata.Name);
        Assert.Equal("An ape.", metadata.Description);
        Assert.Equal("ipfs://bafy/1.png", metadata.Image);
        Assert.Equal("ipfs://bafy/1.mp4", metadata.AnimationUrl);
        Assert.Equal("https://example.com/1", metadata.ExternalUrl);
        Assert.Equal([new NormalizedAttribute("Hat", "Cap", TraitValueKind.String)], metadata.Attributes);
        Assert.Equal(0, metadata.SkippedAttributes);
    }

    [Fact]
    public void An_empty_object_is_metadata_without_fields()
    {
        var metadata = Ok("{}");

        Assert.Equal((string?)null, metadata.Name ?? metadata.Description ?? metadata.Image ?? metadata.AnimationUrl ?? metadata.ExternalUrl);
        Assert.Empty(metadata.Attributes);
    }

    [Theory]
    [InlineData("""{"image_url": "https://x/1.png"}""")]
    [InlineData("""{"imageUrl": "https://x/1.png"}""")]
    [InlineData("""{"image": "  https://x/1.png\n"}""")]
    [InlineData("""{"image": "https://x/1.png", "image_url": "https://other/2.png"}""")]
    [InlineData("""{"image": null, "image_url": "https://x/1.png"}""")]
    public void Takes_the_image_from_its_common_spellings(string json)
    {
        Assert.Equal("https://x/1.png", Ok(json).Image);
    }

    [Theory]
    [InlineData("""{"image": ""}""")]
    [InlineData("""{"image": "   "}""")]
    [InlineData("""{"image": {"url": "https://x/1.png"}}""")]
    [InlineData("""{"image": 5}""")]
    public void An_image_that_is_not_a_url_is_none(string json)
    {
        Assert.Null(Ok(json).Image);
    }

    [Fact]
    public void Takes_the_other_urls_from_their_common_spellings()
    {
        var metadata = Ok("""{"animationUrl": "https://x/a.mp4", "external_link": "https://x/"}""");

        Assert.Equal("https://x/a.mp4", metadata.AnimationUrl);
        Assert.Equal("https://x/", metadata.ExternalUrl);
    }

    [Fact]
    public void A_numeric_name_is_its_text()
    {
        Assert.Equal("42", Ok("""{"name": 42}""").Name);
    }

    [Fact]
    public void The_last_of_duplicated_keys_wins()
    {
        Assert.Equal("second", Ok("""{"name": "first", "name": "second"}""").Name);
    }

    [Fact]
    public void Traits_stand_for_attributes()
    {
        var metadata = Ok("""{"traits": [{"trait_type": "Hat", "value": "Cap"}]}""");

        Assert.Equal("Cap", Assert.Single(metadata.Attributes).Value);
    }

    [Fact]
    public void Attributes_win_over_traits()
    {
        var metadata = Ok("""{"attributes": [{"trait_type": "Hat", "value": "Cap"}], "traits": [{"trait_type": "Hat", "value": "Visor"}]}""");

        Assert.Equal("Cap", Assert.Single(metadata.Attributes).Value);
    }

    [Fact]
    public void Attributes_as_an_object_map_are_read_in_order()
    {
        var metadata = Ok("""{"attributes": {"Hat": "Cap", "Level": 5, "Rare": true, "Power": {"value": "7", "display_type": "boost_number", "max_value": 10}}}""");

        Assert.Equal(
            [
                new NormalizedAttribute("Hat", "Cap", TraitValueKind.String),
                new NormalizedAttribute("Level", "5", TraitValueKind.Number, null, 5),
                new NormalizedAttribute("Rare", "true", TraitValueKind.String),
                new NormalizedAttribute("Power", "7", TraitValueKind.Number, "boost_number", 7, 10),
            ],
            metadata.Attributes);
    }

    [Fact]
    public void Attributes_written_as_a_json_string_are_read()
    {
        var metadata = Ok("""{"attributes": "[{\"trait_type\": \"Hat\", \"value\": \"Cap\"}]"}""");

        Assert.Equal(new NormalizedAttribute("Hat", "Cap", TraitValueKind.String), Assert.Single(metadata.Attributes));
    }

    [Theory]
    [InlineData("""{"attributes": "not json"}""")]
    [InlineData("""{"attributes": "\"[]\""}""")]
    [InlineData("""{"attributes": 5}""")]
    public void Attributes_of_another_kind_are_skipped(string json)
    {
        var metadata = Ok(json);

        Assert.Empty(metadata.Attributes);
        Assert.Equal(1, metadata.SkippedAttributes);
    }

    [Theory]
    [InlineData("""{"traitType": "Hat", "value": "Cap"}""")]
    [InlineData("""{"type": "Hat", "value": "Cap"}""")]
    [InlineData("""{"name": "Hat", "value": "Cap"}""")]
    [InlineData("""{"key": "Hat", "value": "Cap"}""")]
    [InlineData("""{"trait_type": "Hat", "trait_value": "Cap"}""")]
    [InlineData("""{"trait_type": "Hat", "traitValue": "Cap"}""")]
    public void Takes_trait_type_and_value_from_their_common_spellings(string attribute)
    {
        var metadata = Ok($$"""{"attributes": [{{attribute}}]}""");

        Assert.Equal(new NormalizedAttribute("Hat", "Cap", TraitValueKind.String), Assert.Single(metadata.Attributes));
    }

    [Fact]
    public void Names_and_values_keep_their_spelling()
    {
        // Grouping (trimmed, lower-cased) is the catalog's, which shows the first form seen.
        var attribute = Assert.Single(Ok("""{"attributes": [{"trait_type": " Hat", "value": "Red Cap "}]}""").Attributes);

        Assert.Equal(" Hat", attribute.TraitType);
        Assert.Equal("Red Cap ", attribute.Value);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("boost_number")]
    [InlineData("boost_percentage")]
    [InlineData("NUMBER ")]
    public void Numbers_with_a_numeric_display_type_are_numbers(string displayType)
    {
        var attribute = Assert.Single(Ok($$"""{"attributes": [{"trait_type": "Level", "value": 7.5, "display_type": "{{displayType}}", "max_value": 10}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Level", "7.5", TraitValueKind.Number, displayType.Trim().ToLowerInvariant(), 7.5, 10), attribute);
    }

    [Theory]
    [InlineData("\"7\"", "number", 7)]
    [InlineData("\" 2.5 \"", "number", 2.5)]
    [InlineData("\"-3\"", "boost_number", -3)]
    [InlineData("\"1e3\"", "number", 1000)]
    [InlineData("\"10%\"", "boost_percentage", 10)]
    [InlineData("\"10 %\"", "boost_percentage", 10)]
    public void Numeric_strings_with_a_numeric_display_type_are_numbers(string value, string displayType, double expected)
    {
        var attribute = Assert.Single(Ok($$"""{"attributes": [{"trait_type": "Level", "value": {{value}}, "display_type": "{{displayType}}"}]}""").Attributes);

        Assert.Equal(TraitValueKind.Number, attribute.Kind);
        Assert.Equal(expected, attribute.Number);
        Assert.Equal(displayType, attribute.DisplayType);
    }

    [Theory]
    [InlineData("\"seven\"")]
    [InlineData("\"1,000\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"10%\"")]
    [InlineData("\"0x10\"")]
    public void Text_that_is_no_number_stays_text_without_the_numeric_display_type(string value)
    {
        var attribute = Assert.Single(Ok($$"""{"attributes": [{"trait_type": "Level", "value": {{value}}, "display_type": "number"}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Level", JsonSerializer.Deserialize<string>(value)!, TraitValueKind.String), attribute);
    }

    [Fact]
    public void A_numeric_string_without_a_display_type_is_text()
    {
        // As OpenRarity reads it: the JSON type decides, and "7" is a string.
        var attribute = Assert.Single(Ok("""{"attributes": [{"trait_type": "Level", "value": "7"}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Level", "7", TraitValueKind.String), attribute);
    }

    [Fact]
    public void A_number_without_a_display_type_is_a_number()
    {
        var attribute = Assert.Single(Ok("""{"attributes": [{"trait_type": "Level", "value": 7}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Level", "7", TraitValueKind.Number, null, 7), attribute);
    }

    [Theory]
    [InlineData("1546360800", 1546360800)]
    [InlineData("\"1546360800\"", 1546360800)]
    [InlineData("\"2019-01-01T16:40:00Z\"", 1546360800)]
    [InlineData("\"2019-01-01\"", 1546300800)]
    public void Dates_are_seconds_since_the_epoch(string value, double seconds)
    {
        var attribute = Assert.Single(Ok($$"""{"attributes": [{"trait_type": "Birthday", "value": {{value}}, "display_type": "date", "max_value": 5}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Birthday", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), TraitValueKind.Date, "date", seconds), attribute);
    }

    [Theory]
    [InlineData("10", 10.0)]
    [InlineData("\"10\"", 10.0)]
    [InlineData("\"ten\"", null)]
    [InlineData("null", null)]
    public void Max_value_is_a_number_or_nothing(string maxValue, double? expected)
    {
        var attribute = Assert.Single(Ok($$"""{"attributes": [{"trait_type": "Level", "value": 3, "display_type": "number", "max_value": {{maxValue}}}]}""").Attributes);

        Assert.Equal(expected, attribute.MaxValue);
    }

    [Fact]
    public void Booleans_are_text()
    {
        var attributes = Ok("""{"attributes": [{"trait_type": "Rare", "value": true}, {"trait_type": "Shiny", "value": false}]}""").Attributes;

        Assert.Equal(["true", "false"], attributes.Select(a => a.Value));
        Assert.All(attributes, a => Assert.Equal(TraitValueKind.String, a.Kind));
    }

    [Fact]
    public void An_unknown_display_type_is_kept_lower_cased()
    {
        var attribute = Assert.Single(Ok("""{"attributes": [{"trait_type": "Hat", "value": "Cap", "display_type": "Ranking"}]}""").Attributes);

        Assert.Equal(new NormalizedAttribute("Hat", "Cap", TraitValueKind.String, "ranking"), attribute);
    }

    [Theory]
    [InlineData("""{"value": "Cap"}""")]
    [InlineData("""{"trait_type": "", "value": "Cap"}""")]
    [InlineData("""{"trait_type": "  ", "value": "Cap"}""")]
    [InlineData("""{"trait_type": "Hat"}""")]
    [InlineData("""{"trait_type": "Hat", "value": null}""")]
    [InlineData("""{"trait_type": "Hat", "value": ["Cap"]}""")]
    [InlineData("""{"trait_type": "Hat", "value": {"v": "Cap"}}""")]
    [InlineData("""{"trait_type": "Level", "value": 1e999}""")]
    [InlineData("\"Cap\"")]
    [InlineData("5")]
    [InlineData("null")]
    public void Attributes_without_a_trait_type_or_a_scalar_value_are_skipped_and_counted(string attribute)
    {
        var metadata = Ok($$"""{"attributes": [{"trait_type": "Body", "value": "Robot"}, {{attribute}}]}""");

        Assert.Equal("Robot", Assert.Single(metadata.Attributes).Value);
        Assert.Equal(1, metadata.SkippedAttributes);
    }

    [Fact]
    public void A_numeric_trait_type_is_its_text()
    {
        Assert.Equal("2024", Assert.Single(Ok("""{"attributes": [{"trait_type": 2024, "value": "Season"}]}""").Attributes).TraitType);
    }

    [Fact]
    public void Attributes_past_the_limit_are_skipped()
    {
        var items = string.Join(',', Enumerable.Range(0, MetadataNormalizer.MaxAttributes + 5).Select(i => $$"""{"trait_type": "t{{i}}", "value": "v"}"""));

        var metadata = Ok($$"""{"attributes": [{{items}}]}""");

        Assert.Equal(MetadataNormalizer.MaxAttributes, metadata.Attributes.Count);
        Assert.Equal(5, metadata.SkippedAttributes);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"name": "x"}""")).ToArray();

        var result = MetadataNormalizer.Normalize(bytes);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal("x", result.Metadata.Name);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  \n", "empty")]
    [InlineData("{", "not JSON")]
    [InlineData("{\"name\": \"x\",}", "not JSON")]
    [InlineData("{'name': 'x'}", "not JSON")]
    [InlineData("{\"name\": \"x\"} trailing", "not JSON")]
    [InlineData("/* c */ {}", "not JSON")]
    [InlineData("<html></html>", "not JSON")]
    [InlineData("[]", "a JSON array, not an object")]
    [InlineData("\"ipfs://x\"", "a JSON string, not an object")]
    [InlineData("42", "a JSON number, not an object")]
    [InlineData("true", "a JSON boolean, not an object")]
    [InlineData("null", "a JSON null, not an object")]
    public void A_document_that_is_no_json_object_is_refused_with_a_reason(string json, string reason)
    {
        var result = MetadataNormalizer.Normalize(json);

        Assert.False(result.IsOk);
        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var result = MetadataNormalizer.Normalize(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
    }

    [Theory]
    [InlineData("{\"name\": \"\\ud800\"}")]
    [InlineData("{\"\\udc00\": 1}")]
    public void An_escaped_lone_surrogate_is_refused(string json)
    {
        var result = MetadataNormalizer.Normalize(json);

        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var json = "{\"name\": \"x\", \"deep\": " + new string('[', MetadataNormalizer.MaxDepth - 1) + new string(']', MetadataNormalizer.MaxDepth - 1) + "}";

        Assert.Equal("x", Ok(json).Name);
    }

    [Fact]
    public void Nesting_past_the_limit_is_refused_with_its_own_reason()
    {
        var json = "{\"deep\": " + new string('[', MetadataNormalizer.MaxDepth) + new string(']', MetadataNormalizer.MaxDepth) + "}";

        var result = MetadataNormalizer.Normalize(json);

        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
        Assert.Contains("nested deeper than 32", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_bomb_is_refused_without_a_stack_overflow()
    {
        var result = MetadataNormalizer.Normalize(new string('[', 1_000_000));

        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
        Assert.Contains("nested deeper", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_past_the_size_cap_is_refused()
    {
        var json = "{\"description\": \"" + new string('a', MetadataNormalizer.MaxBytes) + "\"}";

        var fromText = MetadataNormalizer.Normalize(json);
        var fromBytes = MetadataNormalizer.Normalize(Encoding.UTF8.GetBytes(json));

        Assert.Equal(MetadataErrorCode.TooLarge, fromText.ErrorCode);
        Assert.Equal(MetadataErrorCode.TooLarge, fromBytes.ErrorCode);
        Assert.Contains("more than 5242880", fromBytes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_at_the_size_cap_is_read()
    {
        const string Frame = "{\"description\": \"\"}";
        var json = "{\"description\": \"" + new string('a', MetadataNormalizer.MaxBytes - Frame.Length) + "\"}";

        Assert.Equal(MetadataNormalizer.MaxBytes - Frame.Length, Ok(json).Description!.Length);
    }

    [Fact]
    public void The_standard_form_round_trips_through_the_normalizer()
    {
        var metadata = Ok("""
            {"name": "Ape", "image_url": "ipfs://x", "traits": {"Hat": "Cap", "Level": {"value": "5", "display_type": "number", "max_value": 10}, "Born": {"value": 1546360800, "display_type": "date"}}}
            """);

        var json = metadata.ToJson();
        var again = Ok(json);

        Assert.Equal(metadata.Attributes, again.Attributes);
        Assert.Equal((metadata.Name, metadata.Image), (again.Name, again.Image));
        Assert.Contains("\"image\":\"ipfs://x\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"trait_type\":\"Level\",\"value\":5,\"display_type\":\"number\",\"max_value\":10}", json, StringComparison.Ordinal);
    }

    private static NormalizedMetadata Ok(string json)
    {
        var result = MetadataNormalizer.Normalize(json);
        Assert.True(result.IsOk, result.Error);
        return result.Metadata;
    }
}
