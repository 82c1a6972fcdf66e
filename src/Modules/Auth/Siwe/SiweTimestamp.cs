using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// A date-time field of a SIWE message: the text exactly as written, because the signature covers those
/// bytes (<c>…:24Z</c> and <c>…:24.000Z</c> name one instant but are different messages), and the instant it names.
/// </summary>
internal sealed record SiweTimestamp
{
    private const string CanonicalFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private SiweTimestamp(string text, DateTimeOffset value)
    {
        Text = text;
        Value = value;
    }

    /// <summary>The RFC 3339 text as it appears in the message.</summary>
    public string Text { get; }

    /// <summary>The instant, with the offset the text gave (or in UTC when that offset is beyond ±14:00).</summary>
    public DateTimeOffset Value { get; }

    /// <param name="reason">Why the text was rejected, for the error message.</param>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out SiweTimestamp? timestamp,
        [NotNullWhen(false)] out string? reason)
    {
        timestamp = null;
        if (text is null)
        {
            reason = Rfc3339.Expected;
            return false;
        }

        if (!Rfc3339.TryParse(text, out var value, out reason))
        {
            return false;
        }

        timestamp = new SiweTimestamp(text, value);
        return true;
    }

    /// <summary>
    /// The form the reference libraries write (<c>Date.toISOString()</c>): UTC with milliseconds,
    /// e.g. <c>2021-09-30T16:25:24.000Z</c>. Sub-millisecond precision is dropped.
    /// </summary>
    public static SiweTimestamp FromInstant(DateTimeOffset instant)
    {
        var text = instant.UtcDateTime.ToString(CanonicalFormat, CultureInfo.InvariantCulture);
        return TryParse(text, out var timestamp, out var reason)
            ? timestamp
            : throw new InvalidOperationException($"Formatted timestamp '{text}' does not parse back: {reason}");
    }

    public override string ToString() => Text;
}
