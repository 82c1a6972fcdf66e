using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// Text or fields that do not make a valid EIP-4361 message. It is bad input, so it reaches the client as
/// <c>BAD_USER_INPUT</c>; the message names the SIWE field at fault and, for parsed text, the line.
/// </summary>
internal sealed class SiweMessageException : BadInputException
{
    public SiweMessageException(string message, string? siweField = null, int? line = null, string? field = null)
        : base(message, field)
    {
        SiweField = siweField;
        Line = line;
    }

    /// <summary>The SIWE field at fault, named as in EIP-4361's JSON form (<c>chainId</c>, <c>resources[1]</c>), when there is one.</summary>
    public string? SiweField { get; }

    /// <summary>The 1-based line of the message text at fault, when parsing text.</summary>
    public int? Line { get; }
}
