using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace NftMarketplace.UnitTests.Media;

/// <summary>Images made for the tests: smooth seeded patterns (distinct per seed) and EXIF to put in a JPEG.</summary>
public static class TestImages
{
    /// <summary>A w × h RGB image: a sum of a few low-frequency waves chosen by <paramref name="seed"/>.</summary>
    public static Image Pattern(int width, int height, int seed)
    {
        var random = new Random(seed);
        var waves = Enumerable.Range(0, 6).Select(_ => (fx: random.NextDouble() * 6, fy: random.NextDouble() * 6, phase: random.NextDouble() * 6.28, channel: random.Next(3))).ToArray();
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Span<double> rgb = [128, 128, 128];
                foreach (var (fx, fy, phase, channel) in waves)
                {
                    var value = 60 * Math.Sin((fx * x / width * Math.PI) + (fy * y / height * Math.PI) + phase);
                    rgb[channel] += value;
                    rgb[(channel + 1) % 3] += value / 2;
                }

                for (var c = 0; c < 3; c++)
                {
                    pixels[((y * width) + x) * 3 + c] = (byte)Math.Clamp(rgb[c], 0, 255);
                }
            }
        }

        return Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
    }

    public const string GpsMarker = "SECRET-PLACE-48.8584N-2.2945E";

    /// <summary>
    /// A JPEG with an EXIF APP1 right after SOI: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD holds
    /// GPSLatitudeRef 'N' and GPSMapDatum <see cref="GpsMarker"/>, bytes a test can look for.
    /// </summary>
    public static byte[] JpegWithGps(byte[] jpeg, int orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        using var tiff = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.Write(b); }
        void U32(long v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); tiff.Write(b); }
        tiff.Write("MM"u8);
        U16(42);
        U32(8);
        // IFD0 at 8: 2 entries (8 + 2 + 24 + 4 = 38).
        U16(2);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(38);
        U32(0);
        // GPS IFD at 38: 2 entries (38 + 2 + 24 + 4 = 68), then the datum text at 68.
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.Write("N\0\0\0"u8);
        U16(0x0012); U16(2); U32(marker.Length); U32(68);
        U32(0);
        tiff.Write(marker);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff.ToArray()).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
