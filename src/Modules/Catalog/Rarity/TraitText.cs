using System.Globalization;
using System.Text;

namespace NftMarketplace.Modules.Catalog.Rarity;

/// <summary>
/// The key under which trait names and string values group: OpenRarity's <c>value.lower().strip()</c> in Python, so
/// <c>"Hat "</c>, <c>"HAT"</c> and <c>"hat"</c> are one trait. Python's <c>lower()</c> is the full Unicode mapping
/// (<c>İ</c> becomes <c>i</c> + combining dot, a final <c>Σ</c> becomes <c>ς</c>) and its <c>strip()</c> also trims
/// the information separators U+001C–U+001F; .NET's <c>ToLowerInvariant</c>/<c>Trim</c> do neither, and two values
/// that Python keeps apart (or merges) must be kept apart (or merged) here too.
/// </summary>
internal static class TraitText
{
    private const char CapitalSigma = '\u03A3';
    private const char CapitalDottedI = '\u0130';

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsNormalizedAscii(text) ? text : Slow(text);
    }

    /// <summary>Python's <c>str.isspace()</c>: .NET's white space plus U+001C–U+001F.</summary>
    public static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    // Most names and values are short ASCII already lower-case and trimmed: no allocation for them.
    private static bool IsNormalizedAscii(string text)
    {
        if (text.Length > 0 && (IsPythonSpace(text[0]) || IsPythonSpace(text[^1])))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' || c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    private static string Slow(string text)
    {
        // lower() first, then strip(), as Python does: a final sigma is judged with the spaces still around it.
        var lower = new StringBuilder(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == CapitalDottedI)
            {
                lower.Append('i').Append('\u0307');
            }
            else if (c == CapitalSigma)
            {
                lower.Append(IsFinalSigma(text, i) ? '\u03C2' : '\u03C3');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                lower.Append(text.AsSpan(i, 2).ToString().ToLowerInvariant());
                i++;
            }
            else
            {
                lower.Append(char.ToLowerInvariant(c));
            }
        }

        var start = 0;
        var end = lower.Length;
        while (start < end && IsPythonSpace(lower[start]))
        {
            start++;
        }

        while (end > start && IsPythonSpace(lower[end - 1]))
        {
            end--;
        }

        return lower.ToString(start, end - start);
    }

    // Unicode's Final_Sigma condition as CPython applies it: a cased letter before (skipping case-ignorable ones) and
    // no cased letter after.
    private static bool IsFinalSigma(string text, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text[before]))
        {
            before--;
        }

        if (before < 0 || !IsCased(text[before]))
        {
            return false;
        }

        var after = index + 1;
        while (after < text.Length && IsCaseIgnorable(text[after]))
        {
            after++;
        }

        return after == text.Length || !IsCased(text[after]);
    }

    private static bool IsCased(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || c is '\'' or '.' or ':' or '\u00B7' or '\u0387' or '\u055F' or '\u05F4' or '\u2018' or '\u2019' or '\u2024'
            or '\u2027' or '\uFE13' or '\uFE52' or '\uFE55' or '\uFF07' or '\uFF0E' or '\uFF1A';
}
