using NftMarketplace.BuildingBlocks.Errors;
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
        new(field, null, value.Length == 0 ? $"{field} is empty: {reason}" : $"{InputEcho.Quote(value)} is not {what}: {reason}");

    public SiweMessageException ToException(string? inputField = null) => new(Message, Field, Line, inputField);
}
