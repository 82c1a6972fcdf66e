using System.Globalization;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A value that is not a well-formed address, chain ID, account ID, hash or hex string.
/// It is bad input, so it reaches the client as <c>BAD_USER_INPUT</c> with a readable reason.
/// </summary>
public sealed class InvalidEthereumValueException(string message, string? field = null)
    : BadInputException(message, field)
{
    /// <summary>"'0x12' is not an address: expected 0x followed by 40 hex digits".</summary>
    internal static InvalidEthereumValueException NotA(string what, string? input, string reason, string? field) =>
        new(
            string.IsNullOrEmpty(input)
                ? $"{char.ToUpperInvariant(what[0])}{what[1..]} is required: {reason}"
                : $"{InputEcho.Quote(input)} is not {what}: {reason}",
            field);

    internal static InvalidEthereumValueException WrongByteLength(string what, int expected, int actual) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {expected} bytes long, got {actual}"));
}
