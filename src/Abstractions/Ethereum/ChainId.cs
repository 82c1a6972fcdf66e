using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A CAIP-2 blockchain ID, <c>namespace:reference</c>, e.g. <c>eip155:1</c> (Ethereum mainnet)
/// or <c>cosmos:cosmoshub-3</c>. The text is kept exactly as given: CAIP-2 allows a single
/// spelling of the namespace and references are case-sensitive.
/// </summary>
/// <remarks>A class, not a struct: no chain is a sensible default, and a default struct would be an unvalidated value.</remarks>
public sealed record ChainId : IParsable<ChainId>
{
    public const string Eip155Namespace = "eip155";

    internal const int MaxLength = MaxNamespaceLength + 1 + MaxReferenceLength;

    private const int MinNamespaceLength = 3;
    private const int MaxNamespaceLength = 8;
    private const int MaxReferenceLength = 32;

    private const string What = "a CAIP-2 chain ID";
    private const string Expected = "expected namespace:reference, e.g. eip155:1";
    private const string BadNamespace = "the namespace (before the colon) must be 3-8 characters of a-z, 0-9 or -";
    private const string BadReference = "the reference (after the colon) must be 1-32 characters of a-z, A-Z, 0-9, - or _";
    private const string BadEip155Reference =
        "an eip155 reference must be a chain number from 1 to 9223372036854775807 without leading zeros";

    private static readonly SearchValues<char> NamespaceChars =
        SearchValues.Create("-0123456789abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> ReferenceChars =
        SearchValues.Create("-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private readonly int _separator;

    private ChainId(string value, int separator, long? eip155Reference)
    {
        Value = value;
        _separator = separator;
        Eip155Reference = eip155Reference;
    }

    /// <summary>The full <c>namespace:reference</c> text.</summary>
    public string Value { get; }

    public string Namespace => IsEip155 ? Eip155Namespace : Value[.._separator];

    public string Reference => Value[(_separator + 1)..];

    /// <summary>True for EVM chains, whose reference is the numeric chain ID of EIP-155.</summary>
    [MemberNotNullWhen(true, nameof(Eip155Reference))]
    public bool IsEip155 => Eip155Reference is not null;

    /// <summary>The EIP-155 chain number (1 for Ethereum mainnet), or null for other namespaces.</summary>
    public long? Eip155Reference { get; }

    public static ChainId Eip155(long chainNumber) =>
        chainNumber > 0
            ? new ChainId(
                string.Create(CultureInfo.InvariantCulture, $"{Eip155Namespace}:{chainNumber}"),
                Eip155Namespace.Length,
                chainNumber)
            : throw new InvalidEthereumValueException(
                string.Create(CultureInfo.InvariantCulture, $"An eip155 chain number must be positive, got {chainNumber}"));

    public static ChainId Parse(string? text) => Parse(text, field: null);

    /// <param name="field">Input path reported with the error, e.g. <c>input.chainId</c>.</param>
    public static ChainId Parse(string? text, string? field) =>
        TryParseCore(text, text?.Length ?? 0, out var chainId, out var reason)
            ? chainId
            : throw InvalidEthereumValueException.NotA(What, text, reason, field);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ChainId? chainId) =>
        TryParseCore(text, text?.Length ?? 0, out chainId, out _);

    /// <summary>The EIP-155 chain number; throws when this is not an EVM chain.</summary>
    public long ToEip155Number() =>
        Eip155Reference
        ?? throw InvalidEthereumValueException.NotA(
            "an eip155 (EVM) chain ID", Value, "expected eip155:<chain number>, e.g. eip155:1", field: null);

    public override string ToString() => Value;

    /// <summary>Parses the first <paramref name="length"/> characters of <paramref name="text"/>.</summary>
    /// <param name="reason">Why the text was rejected, for the error message.</param>
    internal static bool TryParseCore(
        [NotNullWhen(true)] string? text,
        int length,
        [NotNullWhen(true)] out ChainId? chainId,
        [NotNullWhen(false)] out string? reason)
    {
        chainId = null;
        if (text is null)
        {
            reason = Expected;
            return false;
        }

        reason = Validate(text.AsSpan(0, length), out var separator, out var eip155Reference);
        if (reason is not null)
        {
            return false;
        }

        var value = length == text.Length ? text : text[..length];
        chainId = new ChainId(value, separator, eip155Reference);
        return true;
    }

    /// <returns>Null when valid, else why not.</returns>
    private static string? Validate(ReadOnlySpan<char> candidate, out int separator, out long? eip155Reference)
    {
        separator = -1;
        eip155Reference = null;
        if (candidate.IsEmpty || candidate.Length > MaxLength)
        {
            return Expected;
        }

        separator = candidate.IndexOf(':');
        if (separator < 0)
        {
            return Expected;
        }

        var @namespace = candidate[..separator];
        var reference = candidate[(separator + 1)..];
        if (@namespace.Length is < MinNamespaceLength or > MaxNamespaceLength || @namespace.ContainsAnyExcept(NamespaceChars))
        {
            return BadNamespace;
        }

        if (reference.IsEmpty || reference.Length > MaxReferenceLength || reference.ContainsAnyExcept(ReferenceChars))
        {
            return BadReference;
        }

        if (@namespace.SequenceEqual(Eip155Namespace))
        {
            if (!TryParseEip155Reference(reference, out var number))
            {
                return BadEip155Reference;
            }

            eip155Reference = number;
        }

        return null;
    }

    private static bool TryParseEip155Reference(ReadOnlySpan<char> reference, out long number)
    {
        number = 0;
        // "01" and "1" would otherwise be two spellings of one chain.
        return reference[0] != '0'
            && long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    static ChainId IParsable<ChainId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ChainId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ChainId result) =>
        TryParse(s, out result);
}
