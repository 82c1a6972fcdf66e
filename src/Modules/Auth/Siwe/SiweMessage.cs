using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using EthereumAddress = NftMarketplace.BuildingBlocks.Ethereum.Address;
using Rules = NftMarketplace.Modules.Auth.Siwe.SiweFieldRules;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// A Sign-In with Ethereum (EIP-4361) message: what a wallet signs with <c>personal_sign</c> to prove control
/// of <see cref="Address"/> to <see cref="Domain"/>. Built only by <see cref="Parse(string?)"/> or
/// <see cref="Create"/>, which enforce the ABNF of the EIP strictly, so every instance is valid.
/// </summary>
/// <remarks>
/// Every value is kept as written, so <c>Parse(text).ToString() == text</c> for every accepted text:
/// the signature covers the exact bytes, and a server that re-serialised differently would verify a message
/// nobody signed. Verification against expectations is <see cref="SiweRules"/>; signature recovery is
/// <c>Eip191</c> over <see cref="ToString"/>.
/// </remarks>
internal sealed class SiweMessage
{
    /// <summary>The only version EIP-4361 defines.</summary>
    public const string SupportedVersion = "1";

    /// <summary>
    /// Upper bound on the text, checked before any other work so hostile input stays cheap.
    /// Real messages are a few hundred characters.
    /// </summary>
    public const int MaxLength = 16 * 1024;

    public const int MaxResources = 100;

    public const int MinNonceLength = 8;

    /// <summary>Header, address, statement framing, five required and four optional field lines.</summary>
    internal const int MaxLines = 14 + MaxResources;

    internal const string HeaderSuffix = " wants you to sign in with your Ethereum account:";
    internal const string UriLabel = "URI: ";
    internal const string VersionLabel = "Version: ";
    internal const string ChainIdLabel = "Chain ID: ";
    internal const string NonceLabel = "Nonce: ";
    internal const string IssuedAtLabel = "Issued At: ";
    internal const string ExpirationTimeLabel = "Expiration Time: ";
    internal const string NotBeforeLabel = "Not Before: ";
    internal const string RequestIdLabel = "Request ID: ";
    internal const string ResourcesHeader = "Resources:";
    internal const string ResourcePrefix = "- ";

    private readonly string _text;

    private SiweMessage(SiweFields fields, EthereumAddress parsedAddress, long chainId, ParsedTimes times)
    {
        Scheme = fields.Scheme;
        Domain = fields.Domain!;
        Address = fields.Address!;
        ParsedAddress = parsedAddress;
        Statement = fields.Statement;
        Uri = fields.Uri!;
        Version = fields.Version!;
        ChainId = chainId;
        Nonce = fields.Nonce!;
        IssuedAt = times.IssuedAt;
        ExpirationTime = times.ExpirationTime;
        NotBefore = times.NotBefore;
        RequestId = fields.RequestId;
        Resources = fields.Resources is null ? null : Array.AsReadOnly(fields.Resources.ToArray());
        _text = Serialize();
    }

    /// <summary>Optional scheme of the requesting origin (<c>https</c> in <c>https://example.com wants you…</c>).</summary>
    public string? Scheme { get; }

    /// <summary>The RFC 3986 authority asking for the sign-in, e.g. <c>example.com</c> or <c>localhost:8080</c>.</summary>
    public string Domain { get; }

    /// <summary>The signer's address as written, in EIP-55 checksum case.</summary>
    public string Address { get; }

    /// <summary><see cref="Address"/> parsed, to compare with the signer recovered from the signature.</summary>
    public EthereumAddress ParsedAddress { get; }

    public string? Statement { get; }

    /// <summary>The RFC 3986 URI that is the subject of the sign-in.</summary>
    public string Uri { get; }

    /// <summary>Always <see cref="SupportedVersion"/>.</summary>
    public string Version { get; }

    /// <summary>The EIP-155 chain number the session is bound to.</summary>
    public long ChainId { get; }

    public string Nonce { get; }

    public SiweTimestamp IssuedAt { get; }

    public SiweTimestamp? ExpirationTime { get; }

    public SiweTimestamp? NotBefore { get; }

    public string? RequestId { get; }

    /// <summary>Null when the message has no <c>Resources:</c> section; may be empty when the section lists none.</summary>
    public IReadOnlyList<string>? Resources { get; }

    /// <summary>Validates <paramref name="fields"/> against EIP-4361 and builds the message.</summary>
    /// <exception cref="SiweMessageException">A field is missing or invalid; the message names it.</exception>
    public static SiweMessage Create(SiweFields fields) =>
        TryBuild(fields, out var error) ?? throw error!.ToException();

    /// <param name="error">Why the fields were rejected, naming the field.</param>
    public static bool TryCreate(
        SiweFields fields,
        [NotNullWhen(true)] out SiweMessage? message,
        [NotNullWhen(false)] out string? error)
    {
        message = TryBuild(fields, out var failure);
        error = failure?.Message;
        return message is not null;
    }

    /// <exception cref="SiweMessageException">The text is not a valid message; the message names the line and field.</exception>
    public static SiweMessage Parse(string? text) => Parse(text, field: null);

    /// <param name="text">The message text as signed.</param>
    /// <param name="field">Input path reported with the error, e.g. <c>input.message</c>.</param>
    public static SiweMessage Parse(string? text, string? field) =>
        TryParseCore(text, out var error) ?? throw error!.ToException(field);

    /// <param name="error">Why the text was rejected, naming the line and field.</param>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out SiweMessage? message,
        [NotNullWhen(false)] out string? error)
    {
        message = TryParseCore(text, out var failure);
        error = failure?.Message;
        return message is not null;
    }

    /// <summary>The fields as text, e.g. to build a variant with <c>with { … }</c>.</summary>
    public SiweFields ToFields() => new()
    {
        Scheme = Scheme,
        Domain = Domain,
        Address = Address,
        Statement = Statement,
        Uri = Uri,
        Version = Version,
        ChainId = ChainId.ToString(CultureInfo.InvariantCulture),
        Nonce = Nonce,
        IssuedAt = IssuedAt.Text,
        ExpirationTime = ExpirationTime?.Text,
        NotBefore = NotBefore?.Text,
        RequestId = RequestId,
        Resources = Resources,
    };

    /// <summary>The message text in the one layout EIP-4361 allows: what the wallet signs.</summary>
    public override string ToString() => _text;

    private static SiweMessage? TryParseCore(string? text, out SiweError? error)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = SiweMessageReader.Read(text, lines, out error);
        var message = fields is null ? null : TryBuild(fields, out error);
        if (error is { Field: { } field, Line: null } && lines.TryGetValue(field, out var line))
        {
            error = error with { Line = line };
        }

        return message;
    }

    private static SiweMessage? TryBuild(SiweFields fields, out SiweError? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // The text is longer than its fields together, so this refuses huge input before any field is scanned.
        if (FieldsLength(fields) is var length && length > MaxLength)
        {
            error = new SiweError(null, null, TooLong(length));
            return null;
        }

        EthereumAddress address = default;
        long chainId = 0;
        SiweTimestamp? issuedAt = null;
        SiweTimestamp? expirationTime = null;
        SiweTimestamp? notBefore = null;
        error = CheckOptional(fields.Scheme, Rules.CheckScheme)
            ?? CheckRequired(fields.Domain, Rules.Domain, Rules.CheckDomain)
            ?? (fields.Address is null ? SiweError.Missing(Rules.Address) : Rules.CheckAddress(fields.Address, out address))
            ?? CheckOptional(fields.Statement, Rules.CheckStatement)
            ?? CheckRequired(fields.Uri, Rules.Uri, value => Rules.CheckUri(value))
            ?? CheckRequired(fields.Version, Rules.Version, Rules.CheckVersion)
            ?? (fields.ChainId is null ? SiweError.Missing(Rules.ChainId) : Rules.CheckChainId(fields.ChainId, out chainId))
            ?? CheckRequired(fields.Nonce, Rules.Nonce, Rules.CheckNonce)
            ?? (fields.IssuedAt is null
                ? SiweError.Missing(Rules.IssuedAt)
                : Rules.CheckTimestamp(fields.IssuedAt, Rules.IssuedAt, out issuedAt))
            ?? CheckOptionalTimestamp(fields.ExpirationTime, Rules.ExpirationTime, out expirationTime)
            ?? CheckOptionalTimestamp(fields.NotBefore, Rules.NotBefore, out notBefore)
            ?? CheckOptional(fields.RequestId, Rules.CheckRequestId)
            ?? CheckResources(fields.Resources);
        if (error is not null)
        {
            return null;
        }

        var message = new SiweMessage(fields, address, chainId, new ParsedTimes(issuedAt!, expirationTime, notBefore));

        // Each field is bounded only by this total, so built messages obey the same limit as parsed ones.
        if (message._text.Length > MaxLength)
        {
            error = new SiweError(null, null, TooLong(message._text.Length));
            return null;
        }

        return message;
    }

    internal static string TooLong(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"the message is {length} characters long; at most {MaxLength} are allowed");

    private static int FieldsLength(SiweFields fields)
    {
        long length = 0;
        foreach (var value in (string?[])[fields.Scheme, fields.Domain, fields.Address, fields.Statement, fields.Uri, fields.Version,
            fields.ChainId, fields.Nonce, fields.IssuedAt, fields.ExpirationTime, fields.NotBefore, fields.RequestId])
        {
            length += value?.Length ?? 0;
        }

        foreach (var resource in fields.Resources?.Take(MaxResources + 1) ?? [])
        {
            length += resource?.Length ?? 0;
        }

        return (int)Math.Min(length, int.MaxValue);
    }

    private static SiweError? CheckRequired(string? value, string field, Func<string, SiweError?> check) =>
        value is null ? SiweError.Missing(field) : check(value);

    private static SiweError? CheckOptional(string? value, Func<string, SiweError?> check) =>
        value is null ? null : check(value);

    private static SiweError? CheckOptionalTimestamp(string? value, string field, out SiweTimestamp? timestamp)
    {
        timestamp = null;
        return value is null ? null : Rules.CheckTimestamp(value, field, out timestamp);
    }

    private static SiweError? CheckResources(IReadOnlyList<string>? resources)
    {
        if (resources is null)
        {
            return null;
        }

        if (resources.Count > MaxResources)
        {
            return new SiweError(
                Rules.Resources,
                null,
                string.Create(CultureInfo.InvariantCulture, $"{resources.Count} resources; at most {MaxResources} are allowed"));
        }

        for (var i = 0; i < resources.Count; i++)
        {
            var field = Rules.Resource(i);
            if ((resources[i] is null ? SiweError.Missing(field) : Rules.CheckUri(resources[i], field)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string Serialize()
    {
        var text = new StringBuilder(512);
        if (Scheme is not null)
        {
            text.Append(Scheme).Append("://");
        }

        text.Append(Domain).Append(HeaderSuffix).Append('\n')
            .Append(Address).Append('\n')
            .Append('\n');
        if (Statement is not null)
        {
            text.Append(Statement).Append('\n');
        }

        text.Append('\n')
            .Append(UriLabel).Append(Uri).Append('\n')
            .Append(VersionLabel).Append(Version).Append('\n')
            .Append(ChainIdLabel).Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(NonceLabel).Append(Nonce).Append('\n')
            .Append(IssuedAtLabel).Append(IssuedAt.Text);
        AppendOptional(text, ExpirationTimeLabel, ExpirationTime?.Text);
        AppendOptional(text, NotBeforeLabel, NotBefore?.Text);
        AppendOptional(text, RequestIdLabel, RequestId);
        if (Resources is not null)
        {
            text.Append('\n').Append(ResourcesHeader);
            foreach (var resource in Resources)
            {
                text.Append('\n').Append(ResourcePrefix).Append(resource);
            }
        }

        return text.ToString();
    }

    private static void AppendOptional(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append('\n').Append(label).Append(value);
        }
    }

    private sealed record ParsedTimes(SiweTimestamp IssuedAt, SiweTimestamp? ExpirationTime, SiweTimestamp? NotBefore);
}
