namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// EIP-55 mixed-case checksum: a letter is uppercase exactly when the matching nibble of
/// keccak256(lowercase hex digits) is 8 or more. It catches most typos in hand-copied addresses.
/// </summary>
internal static class Eip55
{
    internal const int DigitCount = Address.ByteLength * 2;

    internal static bool HasValidChecksum(ReadOnlySpan<char> digits)
    {
        Span<char> expected = stackalloc char[DigitCount];
        WriteChecksummed(digits, expected);
        return digits.SequenceEqual(expected);
    }

    /// <summary>Writes the 40 <paramref name="digits"/> (any case, no prefix) in checksum case.</summary>
    internal static void WriteChecksummed(ReadOnlySpan<char> digits, Span<char> destination)
    {
        Span<byte> lowerAscii = stackalloc byte[DigitCount];
        for (var i = 0; i < DigitCount; i++)
        {
            lowerAscii[i] = (byte)char.ToLowerInvariant(digits[i]);
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(lowerAscii, hash);
        for (var i = 0; i < DigitCount; i++)
        {
            var c = (char)lowerAscii[i];
            var nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F;
            destination[i] = char.IsAsciiLetter(c) && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }
    }
}
