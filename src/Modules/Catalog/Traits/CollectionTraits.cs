using System.Globalization;
using System.Text.Json;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.Modules.Catalog.Traits;

/// <summary>
/// A collection's traits and their values with counts, from its live tokens' attributes (the <c>attributes</c> column of
/// <c>metadata_docs</c>), grouped as <c>token_traits</c> and OpenRarity group them: names and string values by
/// <see cref="TraitText.Normalize"/>, one value per name and token (the last). A trait's value type is <c>string</c>
/// when any token gives it text, else <c>date</c> when every token gives a date, else <c>number</c>; its display type the
/// first one given; its <c>max_value</c> the largest given. Names and values keep the first form seen (tokens in the
/// order given).
/// </summary>
internal sealed class CollectionTraits
{
    private readonly Dictionary<string, TraitSummary> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Value), ValueSummary> _values = [];

    public IReadOnlyCollection<TraitSummary> Traits => _traits.Values;

    public IReadOnlyCollection<ValueSummary> Values => _values.Values;

    /// <summary>Every token's traits as the ranker reads them, in the order the tokens were added.</summary>
    public List<IReadOnlyList<RarityTrait>> RankerInput { get; } = [];

    /// <summary>Adds one live token, its attributes as stored (<c>[{traitType, value, displayType, valueType, maxValue}]</c>).</summary>
    public void Add(string attributesJson)
    {
        var attributes = Read(attributesJson);
        var ranker = new List<RarityTrait>(attributes.Count);
        var last = new Dictionary<string, (StoredAttribute Attribute, string Value)>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            ranker.Add(new RarityTrait(attribute.TraitType, attribute.Value, attribute.Kind));
            var name = TraitText.Normalize(attribute.TraitType);
            last[name] = (attribute, attribute.Kind == TraitValueKind.String ? TraitText.Normalize(attribute.Value) : attribute.Value);
        }

        RankerInput.Add(ranker);
        foreach (var (name, (attribute, value)) in last)
        {
            if (!_traits.TryGetValue(name, out var trait))
            {
                trait = new TraitSummary(name, attribute.TraitType);
                _traits[name] = trait;
            }

            trait.See(attribute);
            if (!_values.TryGetValue((name, value), out var summary))
            {
                summary = new ValueSummary(name, value, attribute.Value);
                _values[(name, value)] = summary;
            }

            summary.Count++;
        }
    }

    private static List<StoredAttribute> Read(string json)
    {
        var attributes = new List<StoredAttribute>();
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return attributes;
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("traitType", out var type) || type.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var kind = item.TryGetProperty("valueType", out var valueType) && valueType.ValueKind == JsonValueKind.String
                ? valueType.GetString() switch
                {
                    "number" => TraitValueKind.Number,
                    "date" => TraitValueKind.Date,
                    _ => TraitValueKind.String,
                }
                : TraitValueKind.String;
            attributes.Add(new StoredAttribute(
                type.GetString()!,
                value.GetString()!,
                kind,
                item.TryGetProperty("displayType", out var display) && display.ValueKind == JsonValueKind.String ? display.GetString() : null,
                item.TryGetProperty("maxValue", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : null));
        }

        return attributes;
    }

    internal sealed record StoredAttribute(string TraitType, string Value, TraitValueKind Kind, string? DisplayType, double? MaxValue);

    /// <summary>One trait of the collection.</summary>
    internal sealed class TraitSummary(string normalizedName, string name)
    {
        private bool _anyString;
        private bool _allDates = true;

        public string NormalizedName { get; } = normalizedName;

        public string Name { get; } = name;

        public string ValueType => _anyString ? "string" : _allDates ? "date" : "number";

        public string? DisplayType { get; private set; }

        public double? MaxValue { get; private set; }

        internal void See(StoredAttribute attribute)
        {
            _anyString |= attribute.Kind == TraitValueKind.String;
            _allDates &= attribute.Kind == TraitValueKind.Date;
            DisplayType ??= attribute.DisplayType;
            if (attribute.MaxValue is { } max && (MaxValue is null || max > MaxValue))
            {
                MaxValue = max;
            }
        }
    }

    /// <summary>One value of a trait, and how many live tokens hold it.</summary>
    internal sealed class ValueSummary(string normalizedName, string normalizedValue, string value)
    {
        public string NormalizedName { get; } = normalizedName;

        public string NormalizedValue { get; } = normalizedValue;

        public string Value { get; } = value;

        public int Count { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NormalizedName}={NormalizedValue}×{Count}");
    }
}
