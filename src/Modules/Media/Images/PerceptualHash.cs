using System.Globalization;
using System.Numerics;

namespace NftMarketplace.Modules.Media.Images;

/// <summary>
/// The common 64-bit DCT perceptual hash (pHash as Python's imagehash computes it): a 32×32 grayscale image, its 2-D
/// DCT-II, the top-left 8×8 coefficients (DC included), each bit = coefficient &gt; their median, row-major, the first
/// bit the most significant. Near-identical pictures (resized, re-encoded) differ in a few bits; a mirror image in
/// about half, which is why <see cref="OfMirror"/> exists.
/// </summary>
internal static class PerceptualHash
{
    public const int Side = 32;
    private const int Kept = 8;

    private static readonly double[,] Cosines = BuildCosines();

    /// <param name="gray">32 × 32 luma values, row-major.</param>
    public static ulong Of(ReadOnlySpan<byte> gray) => Hash(gray, mirrored: false);

    /// <summary>The hash of the same pixels flipped left to right.</summary>
    public static ulong OfMirror(ReadOnlySpan<byte> gray) => Hash(gray, mirrored: true);

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    public static string ToHex(ulong hash) => "0x" + hash.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParseHex(string? text, out ulong hash)
    {
        hash = 0;
        return text is { Length: 18 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }

    private static ulong Hash(ReadOnlySpan<byte> gray, bool mirrored)
    {
        if (gray.Length != Side * Side)
        {
            throw new ArgumentException($"A perceptual hash needs {Side}×{Side} pixels.", nameof(gray));
        }

        // Rows first (only the 8 lowest frequencies are needed), then columns: separable DCT-II, unnormalised.
        var rows = new double[Side, Kept];
        for (var y = 0; y < Side; y++)
        {
            for (var u = 0; u < Kept; u++)
            {
                double sum = 0;
                for (var x = 0; x < Side; x++)
                {
                    sum += gray[(y * Side) + (mirrored ? Side - 1 - x : x)] * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        Span<double> coefficients = stackalloc double[Kept * Kept];
        for (var v = 0; v < Kept; v++)
        {
            for (var u = 0; u < Kept; u++)
            {
                double sum = 0;
                for (var y = 0; y < Side; y++)
                {
                    sum += rows[y, u] * Cosines[v, y];
                }

                coefficients[(v * Kept) + u] = sum;
            }
        }

        Span<double> sorted = stackalloc double[Kept * Kept];
        coefficients.CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[31] + sorted[32]) / 2;
        ulong hash = 0;
        foreach (var coefficient in coefficients)
        {
            hash = (hash << 1) | (coefficient > median ? 1UL : 0UL);
        }

        return hash;
    }

    private static double[,] BuildCosines()
    {
        var table = new double[Kept, Side];
        for (var k = 0; k < Kept; k++)
        {
            for (var n = 0; n < Side; n++)
            {
                table[k, n] = Math.Cos(Math.PI * k * ((2 * n) + 1) / (2.0 * Side));
            }
        }

        return table;
    }
}
