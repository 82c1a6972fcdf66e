using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// Arbitrary bytes written as <c>0x</c> + an even number of hex digits (calldata, signatures,
/// log data). <c>0x</c> alone is the empty string, which is also <c>default(Hex)</c>.
/// Stored and compared in lowercase.
/// </summary>
public readonly record struct Hex : IParsable<Hex>
{
    private const string What = "a hex string";
    private const string MissingPrefix = "expected 0x followed by an even number of hex digits";
    private const string NotHexDigit = "expected only hex digits (0-9, a-f, A-F) after 0x";
    private const string OddDigitCount = "odd number of hex digits: each byte needs exactly two";

    private readonly string? _value;

    private Hex(string value) => _value = value;

    public static Hex Empty => default;

    /// <summary>Lowercase <c>0x</c> form.</summary>
    public string Value => _value ?? HexText.Prefix;

    /// <summary>Length in bytes.</summary>
    public int Length => (Value.Length - HexText.Prefix.Length) / 2;

    public bool IsEmpty => Length == 0;

    public static Hex Parse(string? text) => Parse(text, field: null);

    /// <param name="field">Input path reported with the error, e.g. <c>input.signature</c>.</param>
    public static Hex Parse(string? text, string? field) =>
        TryParseCore(text, out var hex) is { } reason
            ? throw InvalidEthereumValueException.NotA(What, text, reason, field)
            : hex;

    public static bool TryParse([NotNullWhen(true)] string? text, out Hex hex) => TryParseCore(text, out hex) is null;

    public static Hex FromBytes(ReadOnlySpan<byte> bytes) => new(HexText.Encode(bytes));

    public byte[] ToBytes() => HexText.Decode(Value);

    public override string ToString() => Value;

    // Compares the normalised form so default(Hex) equals a parsed "0x".
    public bool Equals(Hex other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => string.GetHashCode(Value, StringComparison.Ordinal);

    /// <returns>Null on success, else why the text was rejected.</returns>
    private static string? TryParseCore(string? text, out Hex hex)
    {
        hex = default;
        if (text is null || !HexText.HasPrefix(text))
        {
            return MissingPrefix;
        }

        var hexCase = HexText.Classify(text.AsSpan(HexText.Prefix.Length));
        if (hexCase == HexCase.Invalid)
        {
            return NotHexDigit;
        }

        if (text.Length % 2 != 0)
        {
            return OddDigitCount;
        }

        hex = new Hex(HexText.ToLower(text, hexCase));
        return null;
    }

    static Hex IParsable<Hex>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Hex>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Hex result) =>
        TryParse(s, out result);
}
