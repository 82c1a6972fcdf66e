using System.Globalization;
using System.Text;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// Why text or fields are not a valid SIWE message, kept as data so that <c>TryParse</c> reports it
/// without the cost of an exception and <c>Parse</c>/<c>Create</c> throw it as <see cref="SiweMessageException"/>.
/// </summary>
internal sealed record SiweError(string? Field, int? Line, string Detail)
{
    // Inputs are untrusted and may be huge; a prefix is enough to recognise them.
    private const int MaxEchoedChars = 80;

    /// <summary>E.g. <c>Invalid SIWE message, line 7 (chainId): '?' is not a chain ID: expected …</c>.</summary>
    public string Message
    {
        get
        {
            var text = new StringBuilder("Invalid SIWE message");
            if (Line is { } line)
            {
                text.Append(CultureInfo.InvariantCulture, $", line {line}");
            }

            if (Field is not null)
            {
                text.Append(Line is null ? $", {Field}" : $" ({Field})");
            }

            return text.Append(": ").Append(Detail).ToString();
        }
    }

    public static SiweError Missing(string field) => new(field, null, $"{field} is required");

    /// <summary>"'0x12' is not an address: expected …".</summary>
    public static SiweError NotA(string field, string value, string what, string reason) =>
        new(field, null, value.Length == 0 ? $"{field} is empty: {reason}" : $"{Echo(value)} is not {what}: {reason}");

    public SiweMessageException ToException(string? inputField = null) => new(Message, Field, Line, inputField);

    /// <summary>Quotes the input, cut short and with control characters masked so it cannot forge log lines.</summary>
    public static string Echo(string input)
    {
        var shown = input.AsSpan(0, Math.Min(input.Length, MaxEchoedChars));
        var truncated = shown.Length < input.Length;
        if (truncated && char.IsHighSurrogate(shown[^1]))
        {
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
