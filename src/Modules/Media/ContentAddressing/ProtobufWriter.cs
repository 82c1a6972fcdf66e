using System.Buffers;

namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>The two protobuf wire types dag-pb and UnixFS use: varints (0) and length-delimited bytes (2).</summary>
internal sealed class ProtobufWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public void Varint(int field, ulong value)
    {
        Raw((ulong)field << 3);
        Raw(value);
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Raw(((ulong)field << 3) | 2);
        Raw((ulong)value.Length);
        _buffer.Write(value);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void Raw(ulong value)
    {
        Span<byte> varint = stackalloc byte[10];
        var length = 0;
        while (value >= 0x80)
        {
            varint[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        varint[length++] = (byte)value;
        _buffer.Write(varint[..length]);
    }
}
