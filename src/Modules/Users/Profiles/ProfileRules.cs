using System.Globalization;
using System.Text.RegularExpressions;
using NftMarketplace.BuildingBlocks.Web;

namespace NftMarketplace.Modules.Users.Profiles;

/// <summary>What makes a profile field valid; the validators and the handler's normalisation share these.</summary>
internal static partial class ProfileRules
{
    /// <summary>Letters, digits and underscores: safe in URLs and mentions, and unambiguous once lowercased.</summary>
    public static bool IsUsername(string? text) => text is not null && Username().IsMatch(text);

    /// <summary>
    /// Text a person can read on one line: no control characters, line breaks or bidirectional overrides (which can make
    /// a name render as someone else's), no broken surrogate pairs.
    /// </summary>
    public static bool IsPrintableLine(string? text) => IsPrintable(text, allowLineBreaks: false);

    /// <summary>As <see cref="IsPrintableLine"/>, but line breaks are allowed (a bio has paragraphs).</summary>
    public static bool IsPrintableText(string? text) => IsPrintable(text, allowLineBreaks: true);

    /// <summary>Length in Unicode code points, as Postgres counts <c>varchar(n)</c>; an emoji counts once.</summary>
    public static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// The platform's rule for URLs that get fetched (<see cref="PublicUrl"/>): absolute https to a public host. Profile
    /// pictures are loaded by other people's browsers (and may be by us), so anything else would be mixed content, a
    /// tracking vector or a way to reach someone's local network.
    /// </summary>
    public static bool IsImageOrSiteUrl(string? text) => PublicUrl.IsValid(text);

    /// <summary>A BCP-47 tag of a culture this runtime knows (ICU's list), in any case.</summary>
    public static bool IsLocale(string? text) => TryGetCulture(text, out _);

    /// <summary>The canonical spelling of a locale (<c>en-us</c> → <c>en-US</c>).</summary>
    public static string CanonicalLocale(string text) =>
        TryGetCulture(text, out var culture) ? culture.Name : throw new ArgumentException($"'{text}' is not a known locale.", nameof(text));

    /// <summary>An IANA time zone id this runtime knows (Windows ids are refused: clients speak IANA).</summary>
    public static bool IsIanaTimeZone(string? text) =>
        !string.IsNullOrEmpty(text) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId;

    // X (Twitter): 1-15 of letters, digits and underscores.
    public static bool IsTwitterHandle(string? text) => text is not null && Twitter().IsMatch(text);

    // GitHub: 1-39 letters, digits and single inner hyphens.
    public static bool IsGithubHandle(string? text) => text is not null && Github().IsMatch(text);

    // Discord (since 2023): 2-32 of lowercase letters, digits, underscores and periods, no two periods in a row.
    public static bool IsDiscordHandle(string? text) => text is not null && Discord().IsMatch(text);

    // Telegram: 5-32 of letters, digits and underscores, starting with a letter.
    public static bool IsTelegramHandle(string? text) => text is not null && Telegram().IsMatch(text);

    // Instagram: 1-30 of letters, digits, underscores and periods, not starting or ending with a period, no two in a row.
    public static bool IsInstagramHandle(string? text) => text is not null && Instagram().IsMatch(text);

    private static bool TryGetCulture(string? text, out CultureInfo culture)
    {
        culture = CultureInfo.InvariantCulture;
        if (string.IsNullOrEmpty(text) || text.Length > 35)
        {
            return false;
        }

        try
        {
            // predefinedOnly: refuse names ICU merely tolerates (e.g. "xx-YY"), so only real locales are stored.
            culture = CultureInfo.GetCultureInfo(text, predefinedOnly: true);
            return !string.IsNullOrEmpty(culture.Name);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsPrintable(string? text, bool allowLineBreaks)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = (allowLineBreaks && c is '\n' or '\r')
                || (!char.IsSurrogate(c) && !IsBidiControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not
                    (UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    [GeneratedRegex(@"^[A-Za-z0-9_]{3,30}\z")]
    private static partial Regex Username();

    [GeneratedRegex(@"^@?[A-Za-z0-9_]{1,15}\z")]
    private static partial Regex Twitter();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\z")]
    private static partial Regex Github();

    [GeneratedRegex(@"^(?!.*\.\.)[a-z0-9_.]{2,32}\z")]
    private static partial Regex Discord();

    [GeneratedRegex(@"^@?[A-Za-z][A-Za-z0-9_]{4,31}\z")]
    private static partial Regex Telegram();

    [GeneratedRegex(@"^@?(?!\.)(?!.*\.\.)[A-Za-z0-9._]{1,30}(?<!\.)\z")]
    private static partial Regex Instagram();
}
