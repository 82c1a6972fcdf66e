using BenchmarkDotNet.Attributes;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.Benchmarks.Catalog;

/// <summary>
/// A collection's OpenRarity recompute (every token scored and ranked from its traits) against the least any ranking
/// must do: sort the tokens' scores.
/// </summary>
/// <remarks>Public and unsealed: BenchmarkDotNet generates its runner around the type.</remarks>
[MemoryDiagnoser]
public class RarityBenchmarks
{
    private IReadOnlyList<RarityTrait>[] _tokens = null!;
    private double[] _scores = null!;
    private double[] _sorted = null!;

    [Params(10_000)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tokens = SyntheticCollection.Create(Tokens, seed: 42);
        _scores = OpenRarityRanker.Rank(_tokens).Select(r => r.Score).ToArray();
        _sorted = new double[_scores.Length];
        if (_scores.Distinct().Count() < Tokens / 10)
        {
            throw new InvalidOperationException("The synthetic collection scores too few distinct values to rank.");
        }
    }

    [Benchmark(Baseline = true, Description = "Array.Sort of the scores")]
    public double SortScores()
    {
        _scores.CopyTo(_sorted, 0);
        Array.Sort(_sorted);
        return _sorted[0];
    }

    [Benchmark(Description = "OpenRarityRanker.Rank (8 string + 2 numeric traits)")]
    public int Rank() => OpenRarityRanker.Rank(_tokens)[0].Rank;
}

/// <summary>Tokens with eight string traits of skewed distributions (some often missing) and two numeric ones.</summary>
internal static class SyntheticCollection
{
    public static IReadOnlyList<RarityTrait>[] Create(int tokens, int seed)
    {
        var random = new Random(seed);
        // (name, distinct values, share of tokens that have the trait)
        (string Name, int Values, double Present)[] traits =
        [
            ("Background", 8, 1.0), ("Body", 5, 1.0), ("Eyes", 24, 0.95), ("Mouth", 12, 1.0),
            ("Hat", 40, 0.6), ("Clothes", 30, 0.85), ("Earring", 6, 0.25), ("Accessory", 80, 0.05),
        ];
        var weights = traits.Select(t => Enumerable.Range(1, t.Values).Select(i => 1 / Math.Pow(i, 1.2)).ToArray()).ToArray();
        var collection = new IReadOnlyList<RarityTrait>[tokens];
        for (var i = 0; i < tokens; i++)
        {
            var attributes = new List<RarityTrait>(10);
            for (var t = 0; t < traits.Length; t++)
            {
                if (random.NextDouble() < traits[t].Present)
                {
                    // Spelled as creators do: the ranker groups "Hat 3", "hat 3" and "HAT 3 " together.
                    var value = $"{traits[t].Name} {Pick(random, weights[t])}";
                    attributes.Add(new RarityTrait(traits[t].Name, random.Next(10) == 0 ? value.ToUpperInvariant() : value));
                }
            }

            attributes.Add(new RarityTrait("Level", random.Next(1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture), TraitValueKind.Number));
            attributes.Add(new RarityTrait("Birthday", "1546360800", TraitValueKind.Date));
            collection[i] = attributes;
        }

        return collection;
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
