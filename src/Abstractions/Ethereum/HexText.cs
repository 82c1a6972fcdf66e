using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>Which letter cases a run of hex digits uses; digits alone count as <see cref="Lower"/>.</summary>
internal enum HexCase
{
    Invalid,
    Lower,
    Upper,
    Mixed,
}

/// <summary>Checks and conversions for <c>0x</c>-prefixed hex text, without regex or intermediate strings.</summary>
internal static class HexText
{
    internal const string Prefix = "0x";

    internal static bool HasPrefix(ReadOnlySpan<char> text) => text.Length >= 2 && text[0] == '0' && text[1] == 'x';

    internal static HexCase Classify(ReadOnlySpan<char> digits)
    {
        var sawLower = false;
        var sawUpper = false;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                continue;
            }

            if (char.IsAsciiHexDigitLower(c))
            {
                sawLower = true;
            }
            else if (char.IsAsciiHexDigitUpper(c))
            {
                sawUpper = true;
            }
            else
            {
                return HexCase.Invalid;
            }
        }

        return (sawLower, sawUpper) switch
        {
            (true, true) => HexCase.Mixed,
            (false, true) => HexCase.Upper,
            _ => HexCase.Lower,
        };
    }

    /// <summary>
    /// <c>0x</c> + exactly <paramref name="byteLength"/> bytes of hex in any case; reports the case used.
    /// </summary>
    internal static bool IsFixedLength([NotNullWhen(true)] string? text, int byteLength, out HexCase hexCase)
    {
        hexCase = HexCase.Invalid;
        if (text is null || text.Length != Prefix.Length + (byteLength * 2) || !HasPrefix(text))
        {
            return false;
        }

        hexCase = Classify(text.AsSpan(Prefix.Length));
        return hexCase != HexCase.Invalid;
    }

    /// <summary>Lowercases valid hex text, handing back the same string when it already is, so that common case allocates nothing.</summary>
    internal static string ToLower(string validHex, HexCase hexCase) =>
        hexCase == HexCase.Lower
            ? validHex
            : string.Create(validHex.Length, validHex, static (destination, source) => source.AsSpan().ToLowerInvariant(destination));

    internal static string Encode(ReadOnlySpan<byte> bytes) =>
        string.Create(Prefix.Length + (bytes.Length * 2), bytes, static (destination, source) =>
        {
            Prefix.CopyTo(destination);
            Convert.TryToHexStringLower(source, destination[Prefix.Length..], out _);
        });

    internal static byte[] Decode(string validHex) => Convert.FromHexString(validHex.AsSpan(Prefix.Length));

    internal static string Zeros(int byteLength) => Prefix + new string('0', byteLength * 2);
}
