using System.Globalization;
using System.Runtime.InteropServices;
using NftMarketplace.Modules.Catalog.Metadata;

namespace NftMarketplace.Modules.Catalog.Rarity;

/// <summary>
/// Scores and ranks a whole collection as the OpenRarity reference implementation (ProjectOpenSea/open-rarity 0.7.x,
/// <c>RarityRanker.rank_collection</c> with its information-content scorer) does, in one pass over the tokens' traits:
/// <list type="bullet">
/// <item>Names and string values are grouped by <see cref="TraitText.Normalize"/>; a name given twice on one token
/// keeps its last value (the reference reads a dictionary).</item>
/// <item>Numeric and date traits are left out entirely: not scored, not in the trait count (the reference refuses a
/// collection that has them).</item>
/// <item>Every token gets the trait <c>meta_trait:trait_count</c>: how many of its traits have a value other than
/// <c>none</c> or empty (a trait of that name in the metadata is replaced).</item>
/// <item>A token without a trait that others have holds that trait's "null" value, counted like any value.</item>
/// <item>score = Σ over every trait of log2(N / count of the token's value), divided by the collection's entropy
/// −Σ p·log2 p over all (trait, value) buckets, null buckets included (1 when the entropy is 0).</item>
/// <item>Order: most unique values first (values no other token has; null buckets are not the token's values), then
/// highest score, then input order; a token whose score equals the previous one's to 1e-9 (Python's
/// <c>math.isclose</c>) shares its rank: 1, 2, 2, 4.</item>
/// </list>
/// The sum is taken as "every trait's null value, then the token's own values in place of theirs", so the cost is the
/// number of attributes, not tokens × traits; it equals the reference's sum to the last few bits.
/// </summary>
internal static class OpenRarityRanker
{
    /// <summary>What <c>TokenRarity.method</c> reports.</summary>
    public const string Method = "openrarity";

    public const string TraitCountName = "meta_trait:trait_count";

    private static readonly string[] SmallCounts = Enumerable.Range(0, 64).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <param name="tokens">Each token's attributes; the results come back in the same order.</param>
    public static TokenRarityScore[] Rank(IReadOnlyList<IReadOnlyList<RarityTrait>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Count;
        if (n == 0)
        {
            return [];
        }

        var buckets = Bucket(tokens);
        var (score, unique) = Score(buckets, n);
        return Ranked(score, unique);
    }

    private static CollectionBuckets Bucket(IReadOnlyList<IReadOnlyList<RarityTrait>> tokens)
    {
        var collection = new CollectionBuckets(tokens.Count);
        var metaTrait = collection.Trait(TraitCountName);
        var scratch = new List<(int Trait, string Value)>(16);
        for (var i = 0; i < tokens.Count; i++)
        {
            scratch.Clear();
            foreach (var trait in tokens[i])
            {
                if (trait.Kind != TraitValueKind.String)
                {
                    continue;
                }

                var t = collection.Trait(collection.Normalized(trait.TraitType));
                var slot = collection.SlotOnToken(t, i, scratch.Count);
                var value = collection.Normalized(trait.Value);
                if (slot < scratch.Count)
                {
                    scratch[slot] = (t, value);
                }
                else
                {
                    scratch.Add((t, value));
                }
            }

            var traitCount = 0;
            var metaSlot = -1;
            for (var s = 0; s < scratch.Count; s++)
            {
                if (scratch[s].Value is not ("none" or ""))
                {
                    traitCount++;
                }

                if (scratch[s].Trait == metaTrait)
                {
                    metaSlot = s;
                }
            }

            // As the reference: a trait count already in the metadata is not counted, then overwritten.
            if (metaSlot >= 0)
            {
                traitCount--;
                scratch[metaSlot] = (metaTrait, CountText(traitCount));
            }
            else
            {
                scratch.Add((metaTrait, CountText(traitCount)));
            }

            // Trait order, so that two tokens holding the same values add them up in the same order.
            scratch.Sort(static (a, b) => a.Trait.CompareTo(b.Trait));
            foreach (var (trait, value) in scratch)
            {
                collection.Add(trait, value);
            }

            collection.EndToken(i);
        }

        return collection;
    }

    private static (double[] Score, int[] Unique) Score(CollectionBuckets collection, int n)
    {
        var traitCount = collection.TraitCount;
        var bucketTrait = CollectionsMarshal.AsSpan(collection.BucketTrait);
        var bucketCount = CollectionsMarshal.AsSpan(collection.BucketCount);
        var withTrait = new int[traitCount];
        for (var b = 0; b < bucketTrait.Length; b++)
        {
            withTrait[bucketTrait[b]] += bucketCount[b];
        }

        double entropy = 0;
        var information = new double[bucketCount.Length];
        for (var b = 0; b < bucketCount.Length; b++)
        {
            var p = (double)bucketCount[b] / n;
            entropy -= p * Math.Log2(p);
            information[b] = Math.Log2((double)n / bucketCount[b]);
        }

        double nullInformationSum = 0;
        var nullInformation = new double[traitCount];
        for (var t = 0; t < traitCount; t++)
        {
            var without = n - withTrait[t];
            if (without > 0)
            {
                var p = (double)without / n;
                entropy -= p * Math.Log2(p);
                nullInformation[t] = Math.Log2((double)n / without);
                nullInformationSum += nullInformation[t];
            }
        }

        // The reference's guard for a collection of one token, or of identical ones.
        var normalization = entropy == 0 ? 1 : entropy;
        var entries = CollectionsMarshal.AsSpan(collection.EntryBucket);
        var tokenEnd = collection.TokenEnd;
        var score = new double[n];
        var unique = new int[n];
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            var sum = nullInformationSum;
            var uniqueValues = 0;
            for (var e = start; e < tokenEnd[i]; e++)
            {
                var b = entries[e];
                sum += information[b] - nullInformation[bucketTrait[b]];
                if (bucketCount[b] == 1)
                {
                    uniqueValues++;
                }
            }

            score[i] = sum / normalization;
            unique[i] = uniqueValues;
            start = tokenEnd[i];
        }

        return (score, unique);
    }

    private static TokenRarityScore[] Ranked(double[] score, int[] unique)
    {
        var n = score.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Python's sort by (unique, score) with reverse=True is stable: equal keys keep input order.
        Array.Sort(order, (a, b) =>
        {
            var byUnique = unique[b].CompareTo(unique[a]);
            if (byUnique != 0)
            {
                return byUnique;
            }

            var byScore = score[b].CompareTo(score[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });

        var result = new TokenRarityScore[n];
        var previousRank = 0;
        for (var k = 0; k < n; k++)
        {
            var token = order[k];
            // Only the score decides a shared rank, compared with the token just before, as the reference does.
            var rank = k > 0 && IsClose(score[token], score[order[k - 1]]) ? previousRank : k + 1;
            result[token] = new TokenRarityScore(score[token], rank, unique[token]);
            previousRank = rank;
        }

        return result;
    }

    /// <summary>Python's <c>math.isclose(a, b)</c>: relative tolerance 1e-9, no absolute tolerance.</summary>
    internal static bool IsClose(double a, double b)
    {
        if (a == b)
        {
            return true;
        }

        if (double.IsInfinity(a) || double.IsInfinity(b))
        {
            return false;
        }

        var difference = Math.Abs(b - a);
        return difference <= Math.Abs(1e-9 * b) || difference <= Math.Abs(1e-9 * a);
    }

    private static string CountText(int count) =>
        count >= 0 && count < SmallCounts.Length ? SmallCounts[count] : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The collection's (trait, value) buckets with their counts, and each token's buckets.</summary>
    private sealed class CollectionBuckets(int tokens)
    {
        private readonly Dictionary<string, int> _traits = new(StringComparer.Ordinal);
        private readonly List<Dictionary<string, int>> _values = [];
        private readonly List<int> _stamp = [];
        private readonly List<int> _slot = [];

        // A collection spells each name and value a few ways many times over: each spelling is normalized once.
        private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);

        public List<int> BucketTrait { get; } = [];

        public List<int> BucketCount { get; } = [];

        public List<int> EntryBucket { get; } = new(tokens * 9);

        public int[] TokenEnd { get; } = new int[tokens];

        public int TraitCount => _values.Count;

        public string Normalized(string text)
        {
            ref var form = ref CollectionsMarshal.GetValueRefOrAddDefault(_normalized, text, out var exists);
            if (!exists)
            {
                form = TraitText.Normalize(text);
            }

            return form!;
        }

        public int Trait(string name)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_traits, name, out var exists);
            if (!exists)
            {
                id = _values.Count;
                _values.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                _stamp.Add(-1);
                _slot.Add(0);
            }

            return id;
        }

        /// <summary>Where the token's value of this trait goes: its earlier slot when the name came before.</summary>
        public int SlotOnToken(int trait, int token, int next)
        {
            if (_stamp[trait] == token)
            {
                return _slot[trait];
            }

            _stamp[trait] = token;
            _slot[trait] = next;
            return next;
        }

        public void Add(int trait, string value)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_values[trait], value, out var exists);
            if (!exists)
            {
                bucket = BucketTrait.Count;
                BucketTrait.Add(trait);
                BucketCount.Add(0);
            }

            CollectionsMarshal.AsSpan(BucketCount)[bucket]++;
            EntryBucket.Add(bucket);
        }

        public void EndToken(int token) => TokenEnd[token] = EntryBucket.Count;
    }
}
