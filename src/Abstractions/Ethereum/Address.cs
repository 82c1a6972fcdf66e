using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A 20-byte Ethereum account or contract address. Stored and compared in lowercase;
/// shown to people in EIP-55 checksum case.
/// </summary>
/// <remarks>
/// Input in one case is taken as is. Mixed case claims to be a checksum, so it must be a
/// correct one: a wrong one means the address was mistyped and funds could go astray.
/// <c>default(Address)</c> is <see cref="Zero"/>.
/// </remarks>
public readonly record struct Address : IParsable<Address>
{
    public const int ByteLength = 20;

    internal const string Expected = "expected 0x followed by 40 hex digits";
    internal const string BadChecksum =
        "bad checksum: its mix of upper and lower case does not match EIP-55, so it is probably mistyped";

    private const string What = "an address";
    private static readonly string ZeroValue = HexText.Zeros(ByteLength);

    private readonly string? _value;

    private Address(string value) => _value = value;

    public static Address Zero => default;

    /// <summary>Lowercase <c>0x</c> form: the one to store, compare and index.</summary>
    public string Value => _value ?? ZeroValue;

    public static Address Parse(string? text) => Parse(text, field: null);

    /// <param name="field">Input path reported with the error, e.g. <c>input.owner</c>.</param>
    public static Address Parse(string? text, string? field) =>
        TryParseCore(text, out var address) is { } reason
            ? throw InvalidEthereumValueException.NotA(What, text, reason, field)
            : address;

    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) =>
        TryParseCore(text, out address) is null;

    public static Address FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == ByteLength
            ? new Address(HexText.Encode(bytes))
            : throw InvalidEthereumValueException.WrongByteLength(What, ByteLength, bytes.Length);

    public byte[] ToBytes() => HexText.Decode(Value);

    /// <summary>EIP-55 display form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public string ToChecksumString() =>
        string.Create(Value.Length, Value, static (destination, value) =>
        {
            HexText.Prefix.CopyTo(destination);
            Eip55.WriteChecksummed(value.AsSpan(HexText.Prefix.Length), destination[HexText.Prefix.Length..]);
        });

    /// <summary>The lowercase storage form, as <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    // Compares the normalised form so default(Address) equals a parsed all-zero address.
    public bool Equals(Address other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => string.GetHashCode(Value, StringComparison.Ordinal);

    /// <returns>Null on success, else why the text was rejected.</returns>
    internal static string? TryParseCore(string? text, out Address address)
    {
        address = default;
        if (!HexText.IsFixedLength(text, ByteLength, out var hexCase))
        {
            return Expected;
        }

        if (hexCase == HexCase.Mixed && !Eip55.HasValidChecksum(text.AsSpan(HexText.Prefix.Length)))
        {
            return BadChecksum;
        }

        address = new Address(HexText.ToLower(text, hexCase));
        return null;
    }

    static Address IParsable<Address>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Address>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Address result) =>
        TryParse(s, out result);
}
