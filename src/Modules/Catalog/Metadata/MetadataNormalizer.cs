using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>
/// Reads a token's raw metadata document into the common standard: <c>name</c>, <c>description</c>, <c>image</c>,
/// <c>animation_url</c>, <c>external_url</c> and <c>attributes</c> (<c>trait_type</c>, <c>value</c>,
/// <c>display_type</c>, <c>max_value</c>). It tolerates what collections commonly write instead:
/// <list type="bullet">
/// <item><c>traits</c> for <c>attributes</c>; attributes as an object map (<c>{"Hat": "Cap", "Level": 5}</c>, or
/// <c>{"Level": {"value": 5, "display_type": "number"}}</c>); attributes as a JSON string holding the array;</item>
/// <item><c>image_url</c>/<c>imageUrl</c>, <c>animationUrl</c>, <c>externalUrl</c>/<c>external_link</c>; <c>traitType</c>,
/// <c>type</c> or <c>name</c> for <c>trait_type</c>; <c>displayType</c>, <c>maxValue</c>;</item>
/// <item>numbers written as strings where the display type says number (<c>"7"</c>, <c>" 2.5 "</c>, <c>"10%"</c> for a
/// boost percentage) or date (seconds since the epoch, or an ISO-8601 date).</item>
/// </list>
/// A value is a number or date only by its JSON type or its display type: a string without one is text, as OpenRarity
/// reads it. Booleans become the text <c>true</c>/<c>false</c>. Attributes without a trait type or a scalar value are
/// skipped and counted. A document that is not JSON, not an object, nested deeper than <see cref="MaxDepth"/> or larger
/// than <see cref="MaxBytes"/> is refused with a reason.
/// </summary>
internal static class MetadataNormalizer
{
    /// <summary>The largest document read: the fetcher's size cap.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays; real metadata needs four or five.</summary>
    public const int MaxDepth = 32;

    /// <summary>Attributes kept per token; more are skipped.</summary>
    public const int MaxAttributes = 1_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth + 1 };

    public static MetadataNormalization Normalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Every character is at least one byte: a string longer than the cap is refused without encoding it.
        return json.Length > MaxBytes ? TooLarge(Encoding.UTF8.GetByteCount(json)) : Normalize(Encoding.UTF8.GetBytes(json));
    }

    public static MetadataNormalization Normalize(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Length > MaxBytes)
        {
            return TooLarge(utf8.Length);
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Invalid("the document is empty");
        }

        if (Shape(utf8.Span) is { } problem)
        {
            return Invalid(problem);
        }

        using var document = JsonDocument.Parse(utf8, DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"the document is a JSON {Describe(root.ValueKind)}, not an object");
        }

        var attributes = new List<NormalizedAttribute>();
        var skipped = ReadAttributes(First(root, "attributes", "traits"), attributes, depth: 1);
        return MetadataNormalization.Ok(new NormalizedMetadata(
            Text(First(root, "name"), allowNumber: true),
            Text(First(root, "description")),
            Url(First(root, "image", "image_url", "imageUrl", "image_uri", "imageUri")),
            Url(First(root, "animation_url", "animationUrl")),
            Url(First(root, "external_url", "externalUrl", "external_link")),
            attributes)
        {
            SkippedAttributes = skipped,
        });
    }

    /// <summary>
    /// One pass of the reader before the document is built: a syntax error, or nesting deeper than
    /// <see cref="MaxDepth"/>, each with its own reason (the document parser reports both as the same exception).
    /// </summary>
    private static string? Shape(ReadOnlySpan<byte> utf8)
    {
        // The reader checks the syntax, not the text of strings: bad UTF-8 or an escaped lone surrogate would only
        // throw later, when a value is read.
        if (!Utf8.IsValid(utf8))
        {
            return "not JSON: the text is not UTF-8";
        }

        // Depth is bounded by the length, and counted here rather than by the reader's own limit.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Math.Max(utf8.Length, 1) });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    return $"the document is nested deeper than {MaxDepth} levels";
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return "not JSON: " + ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            return "not JSON: " + ex.Message;
        }
    }

    /// <returns>How many attributes were skipped.</returns>
    private static int ReadAttributes(JsonElement? attributes, List<NormalizedAttribute> into, int depth)
    {
        switch (attributes)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return 0;
            case { ValueKind: JsonValueKind.Array } array:
                var skipped = 0;
                foreach (var item in array.EnumerateArray())
                {
                    var attribute = item.ValueKind == JsonValueKind.Object ? FromObject(item) : null;
                    skipped += Keep(attribute, into);
                }

                return skipped;
            case { ValueKind: JsonValueKind.Object } map:
                var skippedInMap = 0;
                foreach (var property in map.EnumerateObject())
                {
                    var attribute = property.Value.ValueKind == JsonValueKind.Object
                        ? Build(property.Name, First(property.Value, "value"), Text(First(property.Value, "display_type", "displayType")), First(property.Value, "max_value", "maxValue"))
                        : Build(property.Name, property.Value, null, null);
                    skippedInMap += Keep(attribute, into);
                }

                return skippedInMap;
            case { ValueKind: JsonValueKind.String } encoded when depth == 1:
                // Some contracts store the array as a JSON string; read it once, not strings within strings.
                var text = encoded.GetString()!;
                if (Shape(Encoding.UTF8.GetBytes(text)) is not null)
                {
                    return 1;
                }

                using (var inner = JsonDocument.Parse(text, DocumentOptions))
                {
                    return inner.RootElement.ValueKind is JsonValueKind.Array or JsonValueKind.Object
                        ? ReadAttributes(inner.RootElement, into, depth + 1)
                        : 1;
                }

            default:
                return 1;
        }
    }

    private static int Keep(NormalizedAttribute? attribute, List<NormalizedAttribute> into)
    {
        if (attribute is null || into.Count >= MaxAttributes)
        {
            return 1;
        }

        into.Add(attribute);
        return 0;
    }

    private static NormalizedAttribute? FromObject(JsonElement item) => Build(
        Text(First(item, "trait_type", "traitType", "type", "name", "key"), allowNumber: true),
        First(item, "value", "trait_value", "traitValue"),
        Text(First(item, "display_type", "displayType")),
        First(item, "max_value", "maxValue"));

    private static NormalizedAttribute? Build(string? traitType, JsonElement? value, string? displayType, JsonElement? maxValue)
    {
        if (string.IsNullOrWhiteSpace(traitType) || value is not { } v)
        {
            return null;
        }

        var display = string.IsNullOrWhiteSpace(displayType) ? null : displayType.Trim().ToLowerInvariant();
        var isDate = display == "date";
        var isNumeric = display is "number" or "boost_number" or "boost_percentage";
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                if (!v.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    return null;
                }

                return Numeric(traitType, number, isDate, display, maxValue);
            case JsonValueKind.String:
                var text = v.GetString()!;
                if ((isNumeric || isDate) && TryNumber(text, display == "boost_percentage", out var parsed))
                {
                    return Numeric(traitType, parsed, isDate, display, maxValue);
                }

                if (isDate && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    return Numeric(traitType, date.ToUnixTimeSeconds(), isDate, display, maxValue);
                }

                // A number or date display type over text that is neither: shown as the text it is.
                return new NormalizedAttribute(traitType, text, TraitValueKind.String, isNumeric || isDate ? null : display);
            case JsonValueKind.True or JsonValueKind.False:
                return new NormalizedAttribute(traitType, v.ValueKind == JsonValueKind.True ? "true" : "false", TraitValueKind.String, isNumeric || isDate ? null : display);
            default:
                return null;
        }
    }

    private static NormalizedAttribute Numeric(string traitType, double number, bool isDate, string? display, JsonElement? maxValue) => new(
        traitType,
        number.ToString("R", CultureInfo.InvariantCulture),
        isDate ? TraitValueKind.Date : TraitValueKind.Number,
        display,
        number,
        isDate ? null : MaxValue(maxValue));

    private static double? MaxValue(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetDouble(out var d) && double.IsFinite(d) => d,
        { ValueKind: JsonValueKind.String } s when TryNumber(s.GetString()!, percent: false, out var d) => d,
        _ => null,
    };

    private static bool TryNumber(string text, bool percent, out double number)
    {
        var span = text.AsSpan().Trim();
        if (percent && span.EndsWith("%"))
        {
            span = span[..^1].TrimEnd();
        }

        // Float, not Any: no thousands separators or currency signs, which would guess at a culture.
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    private static JsonElement? First(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            // The last of duplicated keys wins, as in JavaScript's JSON.parse.
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement? element, bool allowNumber = false) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n when allowNumber => n.GetRawText(),
        _ => null,
    };

    private static string? Url(JsonElement? element) =>
        Text(element)?.Trim() is { Length: > 0 } url ? url : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static MetadataNormalization TooLarge(long bytes) =>
        MetadataNormalization.Failed(MetadataErrorCode.TooLarge, $"the document is {bytes} bytes, more than {MaxBytes}");

    private static MetadataNormalization Invalid(string reason) =>
        MetadataNormalization.Failed(MetadataErrorCode.InvalidJson, reason);
}
