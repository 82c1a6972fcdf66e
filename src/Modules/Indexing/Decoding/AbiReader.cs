using System.Globalization;
using System.Numerics;
using System.Text;

namespace NftMarketplace.Modules.Indexing.Decoding;

/// <summary>
/// Reads ABI-encoded words from a log's topics and data: just what the decoded events need, without reflection, so a
/// backfill of a hundred thousand logs decodes in milliseconds. A malformed log (a contract emitting an event with our
/// signature but another layout) is a <see cref="FormatException"/>, which the decoder turns into "kept raw".
/// </summary>
internal sealed class AbiReader
{
    private const int Word = 32;
    private readonly byte[] _data;

    public AbiReader(string dataHex) => _data = Bytes(dataHex);

    public int Length => _data.Length;

    public static byte[] Bytes(string hex)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        return digits.Length % 2 == 0 ? Convert.FromHexString(digits) : throw new FormatException("Odd number of hex digits.");
    }

    /// <summary>An indexed address topic.</summary>
    public static string TopicAddress(string topic) => AddressOf(Bytes(topic));

    /// <summary>An indexed uint256 topic, decimal.</summary>
    public static string TopicUint(string topic) => Unsigned(Bytes(topic)).ToString(CultureInfo.InvariantCulture);

    public static string AddressOf(ReadOnlySpan<byte> word)
    {
        if (word.Length != Word || word[..12].ContainsAnyExcept((byte)0))
        {
            throw new FormatException("Not an ABI-encoded address.");
        }

        return "0x" + Convert.ToHexStringLower(word[12..]);
    }

    public static BigInteger Unsigned(ReadOnlySpan<byte> word) =>
        word.Length == Word ? new BigInteger(word, isUnsigned: true, isBigEndian: true) : throw new FormatException("Not a 32-byte word.");

    public ReadOnlySpan<byte> WordAt(int index) => Slice(checked(index * Word), Word);

    public string Address(int index) => AddressOf(WordAt(index));

    public BigInteger Uint(int index) => Unsigned(WordAt(index));

    public string UintText(int index) => Uint(index).ToString(CultureInfo.InvariantCulture);

    public bool Bool(int index)
    {
        var value = Uint(index);
        return value.IsZero ? false : value.IsOne ? true : throw new FormatException("Not an ABI-encoded bool.");
    }

    public string Bytes32(int index) => "0x" + Convert.ToHexStringLower(WordAt(index));

    /// <summary>The dynamic <c>string</c> whose offset is in head word <paramref name="index"/>.</summary>
    public string String(int index)
    {
        var offset = Offset(index);
        var length = ToInt(Unsigned(Slice(offset, Word)));
        return Encoding.UTF8.GetString(Slice(offset + Word, length));
    }

    /// <summary>The dynamic <c>uint256[]</c> whose offset is in head word <paramref name="index"/>.</summary>
    public IReadOnlyList<BigInteger> UintArray(int index)
    {
        var offset = Offset(index);
        var count = ToInt(Unsigned(Slice(offset, Word)));
        if (count > (_data.Length - offset) / Word)
        {
            throw new FormatException("Array longer than the data.");
        }

        var values = new BigInteger[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Unsigned(Slice(offset + Word + (i * Word), Word));
        }

        return values;
    }

    private int Offset(int index) => ToInt(Uint(index));

    private static int ToInt(BigInteger value) =>
        value <= int.MaxValue ? (int)value : throw new FormatException("Offset or length out of range.");

    private ReadOnlySpan<byte> Slice(int start, int length) =>
        start >= 0 && length >= 0 && (long)start + length <= _data.Length
            ? _data.AsSpan(start, length)
            : throw new FormatException("Read past the end of the data.");
}
