using System.Globalization;
using EthereumAddress = NftMarketplace.BuildingBlocks.Ethereum.Address;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// The EIP-4361 rule for each field value, shared by the text parser and <see cref="SiweMessage.Create"/>
/// so that every message that can be built can also be parsed back, and the other way round.
/// Each check returns null when the value is valid, else the error.
/// </summary>
internal static class SiweFieldRules
{
    public const string Scheme = "scheme";
    public const string Domain = "domain";
    public const string Address = "address";
    public const string Statement = "statement";
    public const string Uri = "uri";
    public const string Version = "version";
    public const string ChainId = "chainId";
    public const string Nonce = "nonce";
    public const string IssuedAt = "issuedAt";
    public const string ExpirationTime = "expirationTime";
    public const string NotBefore = "notBefore";
    public const string RequestId = "requestId";
    public const string Resources = "resources";

    public static string Resource(int index) => string.Create(CultureInfo.InvariantCulture, $"{Resources}[{index}]");

    public static SiweError? CheckScheme(string value) =>
        Rfc3986.IsScheme(value)
            ? null
            : SiweError.NotA(Scheme, value, "a URI scheme", "expected a letter followed by letters, digits, '+', '-' or '.', e.g. https");

    public static SiweError? CheckDomain(string value) =>
        Rfc3986.IsAuthority(value, requireHost: true, out _)
            ? null
            : SiweError.NotA(Domain, value, "a domain", "expected an RFC 3986 authority, [userinfo@]host[:port], e.g. example.com or localhost:8080");

    public static SiweError? CheckAddress(string value, out EthereumAddress address)
    {
        if (!EthereumAddress.TryParse(value, out address))
        {
            // The right checksum is not suggested here: for a mistyped address it would bless the typo.
            return EthereumAddress.TryParse(value.ToLowerInvariant(), out _)
                ? SiweError.NotA(Address, value, "an Ethereum address", "bad EIP-55 checksum: its mix of upper and lower case does not match, so it is probably mistyped")
                : SiweError.NotA(Address, value, "an Ethereum address", "expected 0x followed by 40 hex digits in EIP-55 checksum case");
        }

        // EIP-4361 wants the checksum case, so all-lowercase text, though a valid address, is refused; it carries
        // no checksum, so showing the checksummed form is safe.
        var checksummed = address.ToChecksumString();
        return string.Equals(checksummed, value, StringComparison.Ordinal)
            ? null
            : SiweError.NotA(Address, value, "an EIP-55 checksummed address", $"write it as {checksummed}");
    }

    public static SiweError? CheckStatement(string value) =>
        Rfc3986.IsStatement(value)
            ? null
            : SiweError.NotA(Statement, value, "a statement", "expected one line of printable ASCII (RFC 3986 reserved or unreserved characters and spaces)");

    public static SiweError? CheckUri(string value, string field = Uri) =>
        Rfc3986.IsUri(value)
            ? null
            : SiweError.NotA(field, value, "a URI", "expected an absolute RFC 3986 URI, e.g. https://example.com/login");

    public static SiweError? CheckVersion(string value) =>
        string.Equals(value, SiweMessage.SupportedVersion, StringComparison.Ordinal)
            ? null
            : SiweError.NotA(Version, value, "a supported version", $"EIP-4361 defines only version {SiweMessage.SupportedVersion}");

    public static SiweError? CheckChainId(string value, out long chainId)
    {
        chainId = 0;
        // Leading zeros would give one chain two spellings, and the text must serialise back as written.
        return value.Length > 0
            && value[0] != '0'
            && !value.AsSpan().ContainsAnyExceptInRange('0', '9')
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out chainId)
                ? null
                : SiweError.NotA(ChainId, value, "a chain ID", "expected an EIP-155 chain number, 1 to 9223372036854775807 in decimal without leading zeros");
    }

    public static SiweError? CheckNonce(string value)
    {
        var valid = value.Length >= SiweMessage.MinNonceLength;
        foreach (var c in value)
        {
            valid &= char.IsAsciiLetterOrDigit(c);
        }

        return valid
            ? null
            : SiweError.NotA(Nonce, value, "a nonce", $"expected at least {SiweMessage.MinNonceLength} letters or digits (A-Z, a-z, 0-9)");
    }

    public static SiweError? CheckTimestamp(string value, string field, out SiweTimestamp? timestamp) =>
        SiweTimestamp.TryParse(value, out timestamp, out var reason) ? null : SiweError.NotA(field, value, "a date-time", reason);

    public static SiweError? CheckRequestId(string value) =>
        Rfc3986.IsPchars(value)
            ? null
            : SiweError.NotA(RequestId, value, "a request ID", "expected RFC 3986 path characters (letters, digits, -._~!$&'()*+,;=:@ and %XX)");
}
