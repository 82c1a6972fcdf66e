using System.Buffers.Binary;
using System.Text;
using NetVips;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.UnitTests.Media;

/// <summary>
/// Metadata leaves PNG, WebP and JPEG without re-encoding: the result is the file without those chunks or segments,
/// byte for byte, and a file with nothing to remove is returned as it is.
/// </summary>
public sealed class MetadataStripperTests
{
    [Fact]
    public void A_png_loses_its_text_exif_and_time_chunks_and_nothing_else()
    {
        using var image = TestImages.Pattern(64, 32, 3);
        var clean = image.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        var withMetadata = Insert(clean, 33, // after the signature (8) and IHDR (25)
            PngChunk("tEXt", "Comment\0" + TestImages.GpsMarker), PngChunk("eXIf", "MM\0*" + TestImages.GpsMarker), PngChunk("tIME", "\u07ea\u000c\u0003\u000c\u0000\u0000"));

        var stripped = MetadataStripper.Strip(MediaFormat.Png, withMetadata);

        Assert.Equal(clean, stripped);
        Assert.Same(clean, MetadataStripper.Strip(MediaFormat.Png, clean));
    }

    [Fact]
    public void A_webp_loses_its_exif_and_xmp_chunks_with_their_flags_and_its_size_is_fixed()
    {
        using var image = TestImages.Pattern(64, 32, 4);
        var simple = image.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None);
        Assert.True(simple.AsSpan(12).StartsWith("VP8 "u8), "libvips wrote a simple lossy WebP");
        var vp8 = simple.AsSpan(12).ToArray();
        var exif = RiffChunk("EXIF", "MM\0*" + TestImages.GpsMarker);
        var xmp = RiffChunk("XMP ", "<x:xmpmeta>" + TestImages.GpsMarker + "</x:xmpmeta>");
        var withMetadata = Riff([.. Vp8X(0x08 | 0x04, 64, 32), .. vp8, .. exif, .. xmp]);

        var stripped = MetadataStripper.Strip(MediaFormat.WebP, withMetadata);

        Assert.Equal(Riff([.. Vp8X(0, 64, 32), .. vp8]), stripped);
        Assert.DoesNotContain(TestImages.GpsMarker, Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        using var decoded = Image.NewFromBuffer(stripped);
        Assert.Equal((64, 32), (decoded.Width, decoded.Height));
        Assert.Same(simple, MetadataStripper.Strip(MediaFormat.WebP, simple));
    }

    [Fact]
    public void A_jpeg_loses_its_exif_and_comments_keeping_its_orientation_and_its_scan_unchanged()
    {
        using var image = TestImages.Pattern(64, 32, 5);
        var clean = image.JpegsaveBuffer(keep: Enums.ForeignKeep.None);
        var comment = (byte[])[0xFF, 0xFE, 0x00, 0x08, .. "secret"u8];
        var withMetadata = TestImages.JpegWithGps(Insert(clean, 2, comment), orientation: 1);

        var stripped = MetadataStripper.Strip(MediaFormat.Jpeg, withMetadata);

        Assert.Equal(clean, stripped);
        Assert.Same(clean, MetadataStripper.Strip(MediaFormat.Jpeg, clean));
        var turned = MetadataStripper.Strip(MediaFormat.Jpeg, TestImages.JpegWithGps(clean, orientation: 8));
        Assert.Equal(8, MetadataStripper.JpegOrientation(turned));
        Assert.Equal(clean.Length + 36, turned.Length); // the one-tag EXIF segment and nothing else
        Assert.Equal(clean.AsSpan(clean.Length - 1000).ToArray(), turned.AsSpan(turned.Length - 1000).ToArray());
    }

    private static byte[] Insert(byte[] file, int at, params byte[][] parts) =>
        [.. file.AsSpan(0, at), .. parts.SelectMany(p => p), .. file.AsSpan(at)];

    private static byte[] PngChunk(string type, string data)
    {
        var body = Encoding.Latin1.GetBytes(type + data);
        var chunk = new byte[body.Length + 8];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)(body.Length - 4));
        body.CopyTo(chunk, 4);
        return chunk; // CRC left zero: stripping reads chunk lengths and types only
    }

    private static byte[] RiffChunk(string type, string data)
    {
        var payload = Encoding.Latin1.GetBytes(data);
        var chunk = new byte[8 + payload.Length + (payload.Length & 1)];
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] Vp8X(byte flags, int width, int height)
    {
        var chunk = new byte[18];
        "VP8X"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), 10);
        chunk[8] = flags;
        WriteUInt24(chunk.AsSpan(12), width - 1);
        WriteUInt24(chunk.AsSpan(15), height - 1);
        return chunk;
    }

    private static void WriteUInt24(Span<byte> at, int value)
    {
        at[0] = (byte)value;
        at[1] = (byte)(value >> 8);
        at[2] = (byte)(value >> 16);
    }

    private static byte[] Riff(byte[] chunks)
    {
        var file = new byte[12 + chunks.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        chunks.CopyTo(file, 12);
        return file;
    }
}
