using System.Buffers.Binary;
using System.Globalization;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>
/// Tells an upload's format by its content (magic bytes), never by its name or declared type, against the allow-list,
/// and reads an image's dimensions and frame count from its header and chunk structure without decoding a pixel, so a
/// decompression bomb or a truncated file is refused before anything decodes it. Everything refused is
/// <c>BAD_USER_INPUT</c>.
/// </summary>
internal static class MediaInspector
{
    /// <summary>The EBML DocType element (id 0x4282, 4 bytes) saying <c>webm</c>.</summary>
    private static readonly byte[] WebMDocType = [0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="content">A seekable stream of the whole upload; read from its start, left at an unspecified position.</param>
    /// <param name="field">The input field named in errors.</param>
    public static Inspected Inspect(Stream content, MediaLimits limits, string field)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var reader = new StructureReader(content, field);
        Span<byte> head = stackalloc byte[64];
        head = head[..reader.ReadAtMost(0, head)];

        var inspected = Sniff(head, reader, limits, field);
        if (inspected.Width is { } width && inspected.Height is { } height)
        {
            CheckImageLimits(width, height, inspected.Frames, limits, field);
        }

        return inspected;
    }

    private static Inspected Sniff(ReadOnlySpan<byte> head, StructureReader reader, MediaLimits limits, string field)
    {
        if (head.StartsWith(PngSignature))
        {
            return Png(reader, limits, field);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg(reader, field);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif(reader, limits, field);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(reader, field);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return new Inspected(MediaFormat.Wav);
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(head, field);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && head.IndexOf(WebMDocType) >= 0)
        {
            return new Inspected(MediaFormat.WebM);
        }

        if (head.StartsWith("OggS"u8))
        {
            return new Inspected(MediaFormat.Ogg);
        }

        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head))
        {
            return new Inspected(MediaFormat.Mp3);
        }

        if (head.Length >= 12 && head.StartsWith("glTF"u8))
        {
            return Glb(head, reader.Length, field);
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.StartsWith("{"u8))
        {
            return new Inspected(MediaFormat.Json);
        }

        if (text.StartsWith("<"u8))
        {
            throw new BadInputException("SVG, HTML and other markup are not accepted: upload PNG, JPEG, GIF or WebP images.", field);
        }

        throw new BadInputException(
            "The file's content is of no accepted type (PNG, JPEG, GIF, WebP, MP4, WebM, MP3, WAV, OGG, GLB, JSON).", field);
    }

    private static void CheckImageLimits(int width, int height, int frames, MediaLimits limits, string field)
    {
        if (width < 1 || height < 1)
        {
            throw new BadInputException("The image has no pixels.", field);
        }

        if (width > limits.MaxDimension || height > limits.MaxDimension)
        {
            throw new BadInputException(
                Invariant($"The image is {width} × {height}; neither side may exceed {limits.MaxDimension} pixels."), field);
        }

        if ((long)width * height > limits.MaxPixels)
        {
            throw new BadInputException(
                Invariant($"The image has {(long)width * height} pixels; at most {limits.MaxPixels} are accepted."), field);
        }

        if (frames > limits.MaxFrames)
        {
            throw new BadInputException(Invariant($"The animation has {frames} frames; at most {limits.MaxFrames} are accepted."), field);
        }
    }

    /// <summary>Chunks: length, type, data, CRC; IHDR first, IEND last; an APNG's acTL counts its frames.</summary>
    private static Inspected Png(StructureReader reader, MediaLimits limits, string field)
    {
        Span<byte> header = stackalloc byte[8];
        Span<byte> ihdr = stackalloc byte[8];
        long offset = PngSignature.Length;
        int width = 0, height = 0, frames = 1;
        var first = true;
        while (true)
        {
            reader.ReadExactly(offset, header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..8];
            var data = offset + 8;
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    throw new BadInputException("The PNG does not start with its header chunk.", field);
                }

                reader.ReadExactly(data, ihdr);
                width = ClampToInt(BinaryPrimitives.ReadUInt32BigEndian(ihdr));
                height = ClampToInt(BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]));
                // Refused here, before the rest of a possibly huge file is walked.
                CheckImageLimits(width, height, 1, limits, field);
                first = false;
            }
            else if (type.SequenceEqual("acTL"u8) && length >= 4)
            {
                reader.ReadExactly(data, ihdr[..4]);
                frames = ClampToInt(BinaryPrimitives.ReadUInt32BigEndian(ihdr));
            }

            offset = data + length + 4;
            reader.EnsureWithin(offset);
            if (type.SequenceEqual("IEND"u8))
            {
                return new Inspected(MediaFormat.Png, width, height, frames);
            }
        }
    }

    /// <summary>Marker segments up to the first scan; the frame header (SOFn) holds the size; EOI near the end.</summary>
    private static Inspected Jpeg(StructureReader reader, string field)
    {
        Span<byte> marker = stackalloc byte[4];
        Span<byte> frame = stackalloc byte[5];
        long offset = 2;
        int? width = null, height = null;
        while (true)
        {
            reader.ReadExactly(offset, marker[..2]);
            if (marker[0] != 0xFF)
            {
                throw new BadInputException("The JPEG's structure is broken.", field);
            }

            var code = marker[1];
            if (code == 0xFF)
            {
                offset++; // fill byte
                continue;
            }

            if (code is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                offset += 2;
                continue;
            }

            if (code == 0xD9)
            {
                break;
            }

            reader.ReadExactly(offset + 2, marker[2..4]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(marker[2..4]);
            if (length < 2)
            {
                throw new BadInputException("The JPEG's structure is broken.", field);
            }

            if (code is (>= 0xC0 and <= 0xC3) or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF))
            {
                reader.ReadExactly(offset + 4, frame);
                height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..3]);
                width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..5]);
            }

            offset += 2 + length;
            reader.EnsureWithin(offset);
            if (code == 0xDA)
            {
                break; // entropy-coded data follows
            }
        }

        if (width is null || height is null)
        {
            throw new BadInputException("The JPEG has no frame header.", field);
        }

        if (!reader.TailContains([0xFF, 0xD9], 4096))
        {
            throw new BadInputException("The JPEG is truncated (no end-of-image marker).", field);
        }

        return new Inspected(MediaFormat.Jpeg, width, height);
    }

    /// <summary>Logical screen, then blocks up to the trailer; each image descriptor is a frame.</summary>
    private static Inspected Gif(StructureReader reader, MediaLimits limits, string field)
    {
        Span<byte> screen = stackalloc byte[7];
        Span<byte> descriptor = stackalloc byte[9];
        reader.ReadExactly(6, screen);
        int width = BinaryPrimitives.ReadUInt16LittleEndian(screen);
        int height = BinaryPrimitives.ReadUInt16LittleEndian(screen[2..]);
        CheckImageLimits(width, height, 1, limits, field);
        long offset = 13 + ColorTableBytes(screen[4]);
        var frames = 0;
        while (true)
        {
            var block = reader.ReadByte(offset);
            switch (block)
            {
                case 0x3B:
                    if (frames == 0)
                    {
                        throw new BadInputException("The GIF has no image.", field);
                    }

                    return new Inspected(MediaFormat.Gif, width, height, frames);
                case 0x21:
                    offset = reader.SkipSubBlocks(offset + 2);
                    break;
                case 0x2C:
                    reader.ReadExactly(offset + 1, descriptor);
                    int frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[4..]);
                    int frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[6..]);
                    CheckImageLimits(Math.Max(frameWidth, 1), Math.Max(frameHeight, 1), 1, limits, field);
                    if (++frames > limits.MaxFrames)
                    {
                        CheckImageLimits(width, height, frames, limits, field);
                    }

                    // Descriptor, local colour table, LZW code size, then the image data's sub-blocks.
                    offset = reader.SkipSubBlocks(offset + 10 + ColorTableBytes(descriptor[8]) + 1);
                    break;
                default:
                    throw new BadInputException("The GIF's structure is broken.", field);
            }
        }
    }

    private static int ColorTableBytes(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 7) + 1);

    /// <summary>RIFF chunks: VP8X (extended, canvas size), VP8 (lossy) or VP8L (lossless); ANMF chunks are frames.</summary>
    private static Inspected WebP(StructureReader reader, string field)
    {
        Span<byte> header = stackalloc byte[8];
        Span<byte> data = stackalloc byte[10];
        reader.ReadExactly(4, header[..4]);
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(header);
        reader.EnsureWithin(riffEnd);
        long offset = 12;
        int? width = null, height = null;
        var frames = 0;
        while (offset + 8 <= riffEnd)
        {
            reader.ReadExactly(offset, header);
            var type = header[..4];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var start = offset + 8;
            if (type.SequenceEqual("VP8X"u8) && length >= 10)
            {
                reader.ReadExactly(start, data);
                width = 1 + (data[4] | (data[5] << 8) | (data[6] << 16));
                height = 1 + (data[7] | (data[8] << 8) | (data[9] << 16));
            }
            else if (type.SequenceEqual("VP8 "u8) && length >= 10 && width is null)
            {
                reader.ReadExactly(start, data);
                if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
                {
                    throw new BadInputException("The WebP's structure is broken.", field);
                }

                width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
                height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
            }
            else if (type.SequenceEqual("VP8L"u8) && length >= 5 && width is null)
            {
                reader.ReadExactly(start, data[..5]);
                if (data[0] != 0x2F)
                {
                    throw new BadInputException("The WebP's structure is broken.", field);
                }

                var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..5]);
                width = 1 + (int)(bits & 0x3FFF);
                height = 1 + (int)((bits >> 14) & 0x3FFF);
            }
            else if (type.SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            offset = start + length + (length & 1);
            reader.EnsureWithin(Math.Min(offset, riffEnd));
        }

        return width is null || height is null
            ? throw new BadInputException("The WebP has no image.", field)
            : new Inspected(MediaFormat.WebP, width, height, Math.Max(frames, 1));
    }

    /// <summary>ISO base media: MP4 by its brands; AVIF/HEIF and QuickTime are not on the list.</summary>
    private static Inspected IsoMedia(ReadOnlySpan<byte> head, string field)
    {
        var brand = head[8..12];
        ReadOnlySpan<byte> mp4Brands = "isomiso2iso3iso4iso5iso6mp41mp42avc1dashM4V M4A MSNVmmp4"u8;
        for (var i = 0; i < mp4Brands.Length; i += 4)
        {
            if (brand.SequenceEqual(mp4Brands.Slice(i, 4)))
            {
                return new Inspected(MediaFormat.Mp4);
            }
        }

        throw new BadInputException("Of ISO media files only MP4 video is accepted (not AVIF, HEIC or QuickTime).", field);
    }

    /// <summary>MPEG audio frame sync (11 bits) with a defined version, layer and bit rate.</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0
        && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) != 0 && (head[2] & 0xF0) != 0xF0;

    /// <summary>glTF binary: magic, version 2, and a length that is the file's.</summary>
    private static Inspected Glb(ReadOnlySpan<byte> head, long length, string field) =>
        BinaryPrimitives.ReadUInt32LittleEndian(head[4..]) == 2 && BinaryPrimitives.ReadUInt32LittleEndian(head[8..]) == length
            ? new Inspected(MediaFormat.Glb)
            : throw new BadInputException("The GLB is not glTF 2.0 or its length does not match the file.", field);

    private static int ClampToInt(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
