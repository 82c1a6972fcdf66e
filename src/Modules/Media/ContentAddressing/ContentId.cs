using System.Buffers;

namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>
/// A CIDv1 with a sha2-256 multihash, as its text form: multibase <c>b</c> (RFC 4648 base32, lower case, no padding)
/// over <c>version ‖ codec ‖ 0x12 ‖ 0x20 ‖ digest</c>. Raw (<c>bafkrei…</c>) for content of one chunk, dag-pb
/// (<c>bafybei…</c>) for a UnixFS root.
/// </summary>
internal static class ContentId
{
    public const byte Raw = 0x55;
    public const byte DagPb = 0x70;

    /// <summary>Bytes of the binary CID: version, codec, hash function, digest length, digest.</summary>
    public const int BinaryLength = 4 + 32;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly SearchValues<char> Base32Characters = SearchValues.Create(Base32Alphabet);

    /// <summary>The binary form, as dag-pb links carry it.</summary>
    public static byte[] Binary(byte codec, ReadOnlySpan<byte> sha256)
    {
        var cid = new byte[BinaryLength];
        cid[0] = 0x01;
        cid[1] = codec;
        cid[2] = 0x12;
        cid[3] = 0x20;
        sha256.CopyTo(cid.AsSpan(4));
        return cid;
    }

    public static string Text(ReadOnlySpan<byte> binary)
    {
        var text = new char[1 + (binary.Length * 8 + 4) / 5];
        text[0] = 'b';
        var position = 1;
        var buffer = 0;
        var bits = 0;
        foreach (var b in binary)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[position++] = Base32Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            text[position++] = Base32Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(text, 0, position);
    }

    /// <summary>
    /// Whether <paramref name="text"/> looks like an id this module issues (a base32 CIDv1 of a sha2-256 digest, raw or
    /// dag-pb): a cheap check before anything is looked up or used as an object key.
    /// </summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: 59 }
        && (text.StartsWith("bafkrei", StringComparison.Ordinal) || text.StartsWith("bafybei", StringComparison.Ordinal))
        && text.AsSpan(1).IndexOfAnyExcept(Base32Characters) < 0;
}
