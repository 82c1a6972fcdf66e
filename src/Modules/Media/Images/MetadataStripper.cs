using System.Buffers.Binary;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.Modules.Media.Images;

/// <summary>
/// Removes EXIF (GPS, camera, serial numbers), XMP, IPTC and comments from an image without re-encoding it, so what is
/// stored and served carries none of it and loses no quality. A JPEG keeps its orientation as the only EXIF tag (a
/// minimal APP1), so it still displays upright; ICC profiles and the JFIF/Adobe segments stay (they change colours).
/// </summary>
internal static class MetadataStripper
{
    private const ushort OrientationTag = 0x0112;

    /// <summary>The image without metadata (the same array when there was none); its structure was checked before.</summary>
    public static byte[] Strip(MediaFormat format, byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (format == MediaFormat.Jpeg)
        {
            return Jpeg(image);
        }

        if (format == MediaFormat.Png)
        {
            return Png(image);
        }

        return format == MediaFormat.WebP ? WebP(image) : image;
    }

    /// <summary>The orientation tag (1–8) of a JPEG's EXIF, or 1.</summary>
    public static int JpegOrientation(ReadOnlySpan<byte> image)
    {
        var orientation = 1;
        var seen = false;
        WalkJpeg(image, (code, _, segment) =>
        {
            // The first EXIF block counts, as decoders read it.
            if (code == 0xE1 && !seen && ReadOrientation(segment) is { } found)
            {
                orientation = found;
                seen = true;
            }
        });
        return orientation;
    }

    private static byte[] Jpeg(byte[] image)
    {
        var parts = new List<Part> { new(0, 2) }; // SOI
        var orientation = 1;
        var seen = false;
        var wroteOrientation = false;
        var removed = false;
        var rest = WalkJpeg(image, (code, offset, segment) =>
        {
            if (code == 0xE1 && !seen && ReadOrientation(segment) is { } found)
            {
                orientation = found;
                seen = true;
            }

            if (code is 0xE1 or 0xED or 0xFE)
            {
                removed = true;
                return;
            }

            // After JFIF (APP0), which readers expect first.
            if (code != 0xE0 && !wroteOrientation && orientation != 1)
            {
                parts.Add(Part.Of(OrientationSegment(orientation)));
                wroteOrientation = true;
            }

            parts.Add(new Part(offset, segment.Length));
        });
        if (!removed)
        {
            return image;
        }

        if (!wroteOrientation && orientation != 1)
        {
            parts.Add(Part.Of(OrientationSegment(orientation)));
        }

        parts.Add(new Part(rest, image.Length - rest));
        return Join(image, parts);
    }

    /// <summary>Calls <paramref name="visit"/> with each marker segment (marker included) before the first scan.</summary>
    /// <returns>The offset of the first scan's marker (or of what follows the last segment).</returns>
    private static int WalkJpeg(ReadOnlySpan<byte> image, SegmentVisitor visit)
    {
        var offset = 2;
        while (offset + 4 <= image.Length && image[offset] == 0xFF)
        {
            var code = image[offset + 1];
            if (code is 0xDA or 0xD9 || code is 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(offset + 2)..]);
            var end = Math.Min(image.Length, offset + 2 + length);
            visit(code, offset, image[offset..end]);
            offset = end;
        }

        return offset;
    }

    private delegate void SegmentVisitor(byte code, int offset, ReadOnlySpan<byte> segment);

    private static int? ReadOrientation(ReadOnlySpan<byte> segment)
    {
        // FF E1, length, "Exif\0\0", then a TIFF structure.
        if (segment.Length < 4 + 6 + 8 || !segment[4..].StartsWith("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = segment[10..];
        var little = tiff.StartsWith("II"u8);
        if (!little && !tiff.StartsWith("MM"u8))
        {
            return null;
        }

        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var ifd = U32(tiff[4..]);
        if (ifd + 2 > tiff.Length)
        {
            return null;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == OrientationTag && U16(tiff[(entry + 2)..]) == 3)
            {
                var value = U16(tiff[(entry + 8)..]);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    /// <summary>APP1 "Exif" with one IFD0 entry: Orientation (SHORT), big-endian.</summary>
    private static byte[] OrientationSegment(int orientation) =>
    [
        0xFF, 0xE1, 0x00, 34, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8,
        0, 1,
        0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, (byte)orientation, 0, 0,
        0, 0, 0, 0,
    ];

    /// <summary>Drops the eXIf and text chunks (tEXt, zTXt, iTXt: where XMP lives) and tIME.</summary>
    private static byte[] Png(byte[] image)
    {
        var parts = new List<Part> { new(0, 8) };
        var offset = 8;
        var removed = false;
        while (offset + 12 <= image.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(image.AsSpan(offset));
            var type = image.AsSpan(offset + 4, 4);
            var end = offset + 12 + length;
            if (type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8)
                || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("tIME"u8))
            {
                removed = true;
            }
            else
            {
                parts.Add(new Part(offset, end - offset));
            }

            offset = end;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        return removed ? Join(image, parts) : image;
    }

    /// <summary>Drops the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size.</summary>
    private static byte[] WebP(byte[] image)
    {
        var parts = new List<Part> { new(0, 12) };
        var offset = 12;
        var removed = false;
        while (offset + 8 <= image.Length)
        {
            var type = image.AsSpan(offset, 4);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(offset + 4));
            var end = Math.Min(image.Length, offset + 8 + length + (length & 1));
            if (type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8))
            {
                removed = true;
            }
            else
            {
                parts.Add(new Part(offset, end - offset));
            }

            offset = end;
        }

        if (!removed)
        {
            return image;
        }

        var stripped = Join(image, parts);
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4), (uint)(stripped.Length - 8));
        if (stripped.AsSpan(12).StartsWith("VP8X"u8))
        {
            stripped[20] &= unchecked((byte)~0x0C); // EXIF (0x08) and XMP (0x04) flags
        }

        return stripped;
    }

    /// <summary>
    /// The parts copied once into an array of exactly their length (not zeroed first): an image of megabytes is
    /// copied once, not grown in a stream and copied out of it again.
    /// </summary>
    private static byte[] Join(byte[] image, List<Part> parts)
    {
        var result = GC.AllocateUninitializedArray<byte>(parts.Sum(p => p.Length));
        var at = 0;
        foreach (var part in parts)
        {
            var source = part.Bytes is { } bytes ? bytes.AsSpan() : image.AsSpan(part.Offset, part.Length);
            source.CopyTo(result.AsSpan(at));
            at += part.Length;
        }

        return result;
    }

    /// <summary>A range of the image kept as it is, or bytes of its own (<see cref="Bytes"/>) put in its place.</summary>
    private readonly record struct Part(int Offset, int Length, byte[]? Bytes = null)
    {
        public static Part Of(byte[] bytes) => new(0, bytes.Length, bytes);
    }
}
