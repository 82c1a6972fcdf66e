using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A 32-byte transaction hash, stored and compared in lowercase. Hashes carry no checksum,
/// so any letter case is accepted. <c>default(TxHash)</c> is the all-zero hash.
/// </summary>
public readonly record struct TxHash : IParsable<TxHash>
{
    public const int ByteLength = 32;

    private const string What = "a transaction hash";
    private const string Expected = "expected 0x followed by 64 hex digits";
    private static readonly string ZeroValue = HexText.Zeros(ByteLength);

    private readonly string? _value;

    private TxHash(string value) => _value = value;

    /// <summary>Lowercase <c>0x</c> form: the one to store, compare and index.</summary>
    public string Value => _value ?? ZeroValue;

    public static TxHash Parse(string? text) => Parse(text, field: null);

    /// <param name="field">Input path reported with the error, e.g. <c>input.txHash</c>.</param>
    public static TxHash Parse(string? text, string? field) =>
        TryParse(text, out var hash) ? hash : throw InvalidEthereumValueException.NotA(What, text, Expected, field);

    public static bool TryParse([NotNullWhen(true)] string? text, out TxHash hash)
    {
        if (!HexText.IsFixedLength(text, ByteLength, out var hexCase))
        {
            hash = default;
            return false;
        }

        hash = new TxHash(HexText.ToLower(text, hexCase));
        return true;
    }

    public static TxHash FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == ByteLength
            ? new TxHash(HexText.Encode(bytes))
            : throw InvalidEthereumValueException.WrongByteLength(What, ByteLength, bytes.Length);

    public byte[] ToBytes() => HexText.Decode(Value);

    public override string ToString() => Value;

    // Compares the normalised form so default(TxHash) equals a parsed all-zero hash.
    public bool Equals(TxHash other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => string.GetHashCode(Value, StringComparison.Ordinal);

    static TxHash IParsable<TxHash>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<TxHash>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TxHash result) =>
        TryParse(s, out result);
}
