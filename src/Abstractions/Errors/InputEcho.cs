using System.Globalization;
using System.Text;

namespace NftMarketplace.BuildingBlocks.Errors;

/// <summary>How an error message shows the client's own input: quoted, cut short, control characters masked.</summary>
public static class InputEcho
{
    /// <summary>Inputs come straight from requests and may be huge; a prefix is enough to recognise them.</summary>
    public const int MaxChars = 80;

    /// <summary>"'0x12'", or "'aaa…' (5000000 characters)": masked so it cannot forge log lines.</summary>
    public static string Quote(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shown = input.AsSpan(0, Math.Min(input.Length, MaxChars));
        var truncated = shown.Length < input.Length;
        if (truncated && char.IsHighSurrogate(shown[^1]))
        {
            // Half a surrogate pair is not valid UTF-16 and would garble the serialized message.
            shown = shown[..^1];
        }

        var text = new StringBuilder(shown.Length + 32).Append('\'');
        foreach (var c in shown)
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        text.Append(truncated ? "…'" : "'");
        if (truncated)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({input.Length} characters)");
        }

        return text.ToString();
    }
}
