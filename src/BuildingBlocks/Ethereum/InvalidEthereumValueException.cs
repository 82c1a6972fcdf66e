using System.Globalization;
using System.Text;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A value that is not a well-formed address, chain ID, account ID, hash or hex string.
/// It is bad input, so it reaches the client as <c>BAD_USER_INPUT</c> with a readable reason.
/// </summary>
public sealed class InvalidEthereumValueException(string message, string? field = null)
    : BadInputException(message, field)
{
    // Inputs come straight from requests and may be huge; a prefix is enough to recognise them.
    internal const int MaxEchoedChars = 80;

    /// <summary>"'0x12' is not an address: expected 0x followed by 40 hex digits".</summary>
    internal static InvalidEthereumValueException NotA(string what, string? input, string reason, string? field) =>
        new(
            string.IsNullOrEmpty(input)
                ? $"{char.ToUpperInvariant(what[0])}{what[1..]} is required: {reason}"
                : $"{Echo(input)} is not {what}: {reason}",
            field);

    internal static InvalidEthereumValueException WrongByteLength(string what, int expected, int actual) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {expected} bytes long, got {actual}"));

    /// <summary>Quotes the input, cut short and with control characters masked so it cannot forge log lines.</summary>
    internal static string Echo(string input)
    {
        var shown = input.AsSpan(0, Math.Min(input.Length, MaxEchoedChars));
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
