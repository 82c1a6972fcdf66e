using System.Text.Json;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.UnitTests.Catalog.Rarity;

/// <summary>
/// <c>tests/golden/open-rarity/golden.json</c>: synthetic collections with the scores and ranks the OpenRarity
/// reference implementation gave them (its README says how the file was made).
/// </summary>
internal static class OpenRarityGolden
{
    private static readonly Lazy<Dictionary<string, GoldenCollection>> All = new(Load);

    public static TheoryData<string> Names => new(All.Value.Keys);

    public static string ReferenceCommit { get; private set; } = "";

    public static GoldenCollection Collection(string name) => All.Value[name];

    private static Dictionary<string, GoldenCollection> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("NftMarketplace.sln not found."), "tests", "golden", "open-rarity", "golden.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        ReferenceCommit = document.RootElement.GetProperty("reference").GetProperty("commit").GetString()!;
        var collections = new Dictionary<string, GoldenCollection>();
        foreach (var collection in document.RootElement.GetProperty("collections").EnumerateArray())
        {
            var tokens = collection.GetProperty("tokens").EnumerateArray().Select(token => (
                Id: token.GetProperty("tokenId").GetString()!,
                Traits: (IReadOnlyList<RarityTrait>)token.GetProperty("attributes").EnumerateArray().Select(Trait).ToList())).ToList();
            var expected = collection.GetProperty("expected").EnumerateArray().ToDictionary(
                e => e.GetProperty("tokenId").GetString()!,
                e => new TokenRarityScore(e.GetProperty("score").GetDouble(), e.GetProperty("rank").GetInt32(), e.GetProperty("uniqueValues").GetInt32()));
            var name = collection.GetProperty("name").GetString()!;
            var documents = collection.GetProperty("tokens").EnumerateArray()
                .Select(token => "{\"attributes\": " + token.GetProperty("attributes").GetRawText() + "}").ToList();
            collections[name] = new GoldenCollection(tokens.Select(t => t.Id).ToList(), tokens.Select(t => t.Traits).ToList(), expected)
            {
                MetadataDocuments = documents,
            };
        }

        return collections;
    }

    // As token metadata carries them: a JSON number, or a display_type of number/boost/date, is not a string trait.
    private static RarityTrait Trait(JsonElement attribute)
    {
        var displayType = attribute.TryGetProperty("display_type", out var d) ? d.GetString() : null;
        var value = attribute.GetProperty("value");
        var kind = displayType switch
        {
            "date" => TraitValueKind.Date,
            "number" or "boost_number" or "boost_percentage" => TraitValueKind.Number,
            _ when value.ValueKind == JsonValueKind.Number => TraitValueKind.Number,
            _ => TraitValueKind.String,
        };
        return new RarityTrait(attribute.GetProperty("trait_type").GetString()!, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), kind);
    }
}

internal sealed record GoldenCollection(
    IReadOnlyList<string> TokenIds,
    IReadOnlyList<IReadOnlyList<RarityTrait>> Tokens,
    IReadOnlyDictionary<string, TokenRarityScore> Expected)
{
    /// <summary>Each token's attributes as a metadata document: <c>{"attributes": [...]}</c>.</summary>
    public IReadOnlyList<string> MetadataDocuments { get; init; } = [];
}
