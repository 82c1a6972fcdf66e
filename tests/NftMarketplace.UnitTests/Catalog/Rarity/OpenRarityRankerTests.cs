using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.UnitTests.Catalog.Rarity;

public sealed class OpenRarityRankerTests
{
    [Theory]
    [MemberData(nameof(OpenRarityGolden.Names), MemberType = typeof(OpenRarityGolden))]
    public void Scores_and_ranks_as_the_reference_implementation(string collection)
    {
        var golden = OpenRarityGolden.Collection(collection);

        var results = OpenRarityRanker.Rank(golden.Tokens);

        Assert.Equal(golden.TokenIds.Count, results.Length);
        var mismatches = golden.TokenIds.Select((id, i) => (id, actual: results[i], expected: golden.Expected[id]))
            .Where(r => r.actual.Rank != r.expected.Rank || r.actual.UniqueValues != r.expected.UniqueValues
                || Math.Abs(r.actual.Score - r.expected.Score) > 1e-9)
            .Select(r => $"token {r.id}: {r.actual} expected {r.expected}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} tokens differ from open-rarity {OpenRarityGolden.ReferenceCommit}:\n" + string.Join('\n', mismatches.Take(20)));
    }

    [Theory]
    [MemberData(nameof(OpenRarityGolden.Names), MemberType = typeof(OpenRarityGolden))]
    public void Ranks_as_the_reference_from_metadata_through_the_normalizer(string collection)
    {
        // The catalog's path: raw metadata → normalized attributes → ranker. The normalizer decides which traits are
        // numbers or dates, and the reference never saw those.
        var golden = OpenRarityGolden.Collection(collection);
        var tokens = golden.MetadataDocuments.Select(json =>
        {
            var result = MetadataNormalizer.Normalize(json);
            Assert.True(result.IsOk, result.Error);
            return (IReadOnlyList<RarityTrait>)result.Metadata.Attributes.Select(RarityTrait.Of).ToList();
        }).ToList();

        var results = OpenRarityRanker.Rank(tokens);

        var mismatches = golden.TokenIds.Where((id, i) => results[i].Rank != golden.Expected[id].Rank
            || Math.Abs(results[i].Score - golden.Expected[id].Score) > 1e-9).ToList();
        Assert.True(mismatches.Count == 0, $"tokens {string.Join(", ", mismatches.Take(20))} differ");
    }

    [Fact]
    public void The_golden_collection_has_ties_unique_values_and_numeric_traits()
    {
        // Guards the golden file itself: without these cases a passing test would prove less than it claims.
        var golden = OpenRarityGolden.Collection("synthetic-1000");

        Assert.True(golden.Expected.Values.GroupBy(e => e.Rank).Count(g => g.Count() > 1) >= 5);
        Assert.Contains(golden.Expected.Values, e => e.UniqueValues > 0);
        Assert.Contains(golden.Tokens, t => t.Any(a => a.Kind == TraitValueKind.Number));
        Assert.Contains(golden.Tokens, t => t.Any(a => a.Kind == TraitValueKind.Date));
    }

    [Fact]
    public void No_tokens_rank_as_nothing()
    {
        Assert.Empty(OpenRarityRanker.Rank([]));
    }

    [Fact]
    public void Numeric_and_date_traits_change_nothing()
    {
        IReadOnlyList<RarityTrait>[] plain =
        [
            [new("Hat", "Cap"), new("Eyes", "Laser")],
            [new("Hat", "Visor")],
            [new("Hat", "Cap"), new("Eyes", "Sleepy")],
        ];
        IReadOnlyList<RarityTrait>[] withNumbers =
        [
            [new("Hat", "Cap"), new("Level", "7", TraitValueKind.Number), new("Eyes", "Laser")],
            [new("Hat", "Visor"), new("Born", "1546360800", TraitValueKind.Date)],
            [new("Hat", "Cap"), new("Eyes", "Sleepy"), new("Level", "9", TraitValueKind.Number)],
        ];

        Assert.Equal(OpenRarityRanker.Rank(plain), OpenRarityRanker.Rank(withNumbers));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_counts_them()
    {
        // Tokens 1 and 2 mirror each other (a value held once, one held twice); token 0 holds only values held thrice.
        IReadOnlyList<RarityTrait>[] tokens =
        [
            [new("a", "x"), new("b", "x")],
            [new("a", "y"), new("b", "x")],
            [new("a", "x"), new("b", "y")],
            [new("a", "x"), new("b", "x")],
        ];

        var ranks = OpenRarityRanker.Rank(tokens).Select(r => r.Rank).ToArray();

        Assert.Equal([3, 1, 1, 3], ranks);
    }

    [Fact]
    public void A_unique_value_ranks_before_a_higher_score()
    {
        // Token 0 is the only one with "eyes: laser". Tokens 1 and 2 miss the hat that six others wear: that scores
        // higher, but a missing trait (its null bucket) is not a value of theirs.
        List<IReadOnlyList<RarityTrait>> tokens =
        [
            [new("eyes", "laser"), new("hat", "cap")],
            [new("eyes", "sleepy")],
            [new("eyes", "sleepy")],
        ];
        tokens.AddRange(Enumerable.Repeat<IReadOnlyList<RarityTrait>>([new("eyes", "sleepy"), new("hat", "cap")], 5));

        var results = OpenRarityRanker.Rank(tokens);

        Assert.True(results[1].Score > results[0].Score);
        Assert.Equal(0, results[1].UniqueValues);
        Assert.Equal(1, results[0].UniqueValues);
        Assert.Equal(1, results[0].Rank);
        Assert.Equal(2, results[1].Rank);
    }

    [Theory]
    [InlineData(1.0, 1.0 + 1e-10, true)]
    [InlineData(1.0, 1.0 + 2e-9, false)]
    [InlineData(0.0, -0.0, true)]
    [InlineData(0.0, 1e-300, false)]
    public void Shares_a_rank_within_pythons_isclose(double a, double b, bool close)
    {
        Assert.Equal(close, OpenRarityRanker.IsClose(a, b));
    }
}
