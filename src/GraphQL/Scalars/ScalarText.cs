using System.Globalization;
using System.Text;

namespace NftMarketplace.GraphQL.Scalars;

internal static class ScalarText
{
    // Inputs come straight from requests and may be huge; a prefix is enough to recognise them.
    private const int MaxEchoedChars = 80;

    /// <summary>Quotes client text for an error message, cut short and with control characters masked.</summary>
    public static string Echo(string input)
    {
        var shown = input.AsSpan(0, Math.Min(input.Length, MaxEchoedChars));
        if (shown.Length < input.Length && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        var text = new StringBuilder(shown.Length + 32).Append('\'');
        foreach (var c in shown)
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        return shown.Length < input.Length
            ? text.Append(CultureInfo.InvariantCulture, $"…' ({input.Length} characters)").ToString()
            : text.Append('\'').ToString();
    }
}
