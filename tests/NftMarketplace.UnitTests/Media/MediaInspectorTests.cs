using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using NetVips;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.UnitTests.Media;

public sealed class MediaInspectorTests
{
    private static readonly MediaLimits Limits = new();

    [Fact]
    public void Images_are_told_by_content_with_their_size()
    {
        using var image = TestImages.Pattern(300, 200, 1);

        Assert.Equal(new Inspected(MediaFormat.Png, 300, 200), Inspect(image.PngsaveBuffer()));
        Assert.Equal(new Inspected(MediaFormat.Jpeg, 300, 200), Inspect(image.JpegsaveBuffer()));
        Assert.Equal(new Inspected(MediaFormat.WebP, 300, 200), Inspect(image.WebpsaveBuffer()));
        Assert.Equal(new Inspected(MediaFormat.WebP, 300, 200), Inspect(image.WebpsaveBuffer(lossless: true)));
        Assert.Equal(new Inspected(MediaFormat.Gif, 300, 200), Inspect(image.GifsaveBuffer()));
    }

    [Fact]
    public void A_pixel_bomb_is_refused_from_its_header_in_milliseconds()
    {
        var bomb = Png(50_000, 50_000, frames: null);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<BadInputException>(() => Inspect(bomb));

        Assert.True(watch.ElapsedMilliseconds < 50, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Contains("50000 × 50000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_pixels_within_the_side_limit_are_refused()
    {
        Assert.Throws<BadInputException>(() => Inspect(Png(10_000, 10_000, frames: null)));
    }

    [Fact]
    public void An_animation_with_too_many_frames_is_refused()
    {
        Assert.Throws<BadInputException>(() => Inspect(Png(10, 10, frames: 1000)));
        Assert.Throws<BadInputException>(() => Inspect(Gif(frames: Limits.MaxFrames + 1)));
        Assert.Equal(12, Inspect(Gif(frames: 12)).Frames);
    }

    [Fact]
    public void A_truncated_image_is_refused()
    {
        using var image = TestImages.Pattern(300, 200, 2);
        var png = image.PngsaveBuffer();
        var jpeg = image.JpegsaveBuffer();
        var gif = Gif(frames: 3);

        Assert.Throws<BadInputException>(() => Inspect(png[..(png.Length / 2)]));
        Assert.Throws<BadInputException>(() => Inspect(jpeg[..(jpeg.Length / 2)]));
        Assert.Throws<BadInputException>(() => Inspect(gif[..^5]));
    }

    [Theory]
    [InlineData("<html><body><script>alert(1)</script></body></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("alert(document.cookie)")]
    [InlineData("MZ\u0090\0 not an image")]
    public void Markup_scripts_and_unknown_content_are_refused(string content)
    {
        var error = Assert.Throws<BadInputException>(() => Inspect(Encoding.UTF8.GetBytes(content)));
        Assert.Equal("input.files.0", error.Field);
    }

    [Fact]
    public void Other_formats_of_the_list_are_told_by_their_magic()
    {
        Assert.Equal(MediaFormat.Mp4, Inspect([0, 0, 0, 24, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8]).Format);
        Assert.Equal(MediaFormat.Ogg, Inspect([.. "OggS"u8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]).Format);
        Assert.Equal(MediaFormat.Wav, Inspect([.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8]).Format);
        Assert.Equal(MediaFormat.Mp3, Inspect([.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0]).Format);
        Assert.Equal(MediaFormat.WebM, Inspect([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8]).Format);
        Assert.Equal(MediaFormat.Glb, Inspect([.. "glTF"u8, 2, 0, 0, 0, 12, 0, 0, 0]).Format);
        Assert.Equal(MediaFormat.Json, Inspect(" {\"name\": \"x\"}"u8.ToArray()).Format);
    }

    [Fact]
    public void Avif_and_heic_are_not_on_the_list()
    {
        Assert.Throws<BadInputException>(() => Inspect([0, 0, 0, 28, .. "ftypavif"u8, 0, 0, 0, 0, .. "avifmif1miaf"u8]));
        Assert.Throws<BadInputException>(() => Inspect([0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8]));
    }

    private static Inspected Inspect(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return MediaInspector.Inspect(stream, Limits, "input.files.0");
    }

    /// <summary>A PNG of just its header (and acTL), IDAT-less but well-formed enough for the inspector.</summary>
    private static byte[] Png(int width, int height, int? frames)
    {
        using var png = new MemoryStream();
        png.Write([0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(png, "IHDR", ihdr);
        if (frames is { } count)
        {
            var actl = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(actl, (uint)count);
            Chunk(png, "acTL", actl);
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write([0, 0, 0, 0]); // the CRC is not the inspector's business
    }

    /// <summary>A 4 × 4 GIF of <paramref name="frames"/> one-colour frames.</summary>
    private static byte[] Gif(int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([4, 0, 4, 0, 0x80, 0, 0]); // 4 × 4, global colour table of 2
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // graphic control extension
            gif.Write([0x2C, 0, 0, 0, 0, 4, 0, 4, 0, 0]); // image descriptor
            gif.Write([2, 2, 0x84, 0x51, 0]); // LZW data
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }
}
