using System.Text;
using Microsoft.Extensions.Options;
using NetVips;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.UnitTests.Media;

public sealed class ImageProcessorTests
{
    private readonly ImageProcessor _processor = new(Options.Create(new ImageOptions()));

    [Fact]
    public void Gps_exif_leaves_neither_the_stored_original_nor_a_variant_while_orientation_stays()
    {
        using var image = TestImages.Pattern(800, 400, 5);
        var upload = TestImages.JpegWithGps(image.JpegsaveBuffer(keep: Enums.ForeignKeep.None), orientation: 6);
        Assert.Contains(TestImages.GpsMarker, Encoding.Latin1.GetString(upload), StringComparison.Ordinal);

        var stored = MetadataStripper.Strip(MediaFormat.Jpeg, upload);
        var processed = _processor.Process(stored, "input.files.0");

        Assert.DoesNotContain(TestImages.GpsMarker, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(6, MetadataStripper.JpegOrientation(stored));
        Assert.Equal((400, 800), (processed.Width, processed.Height));
        Assert.Equal([256], processed.Variants.Select(v => v.Width));
        foreach (var variant in processed.Variants)
        {
            Assert.DoesNotContain(TestImages.GpsMarker, Encoding.Latin1.GetString(variant.Bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(variant.Bytes), StringComparison.Ordinal);
            Assert.True(variant.Height > variant.Width, "the variant is upright");
        }
    }

    [Fact]
    public void Variants_are_webp_at_the_widths_narrower_than_the_image()
    {
        using var image = TestImages.Pattern(700, 350, 6);

        var processed = _processor.Process(image.PngsaveBuffer(), "input.files.0");

        Assert.Equal([512, 256], processed.Variants.Select(v => v.Width));
        Assert.Equal([256, 128], processed.Variants.Select(v => v.Height));
        Assert.All(processed.Variants, v => Assert.True(v.Bytes.AsSpan(8).StartsWith("WEBP"u8)));
    }

    [Fact]
    public void A_small_image_gets_no_variant()
    {
        using var image = TestImages.Pattern(200, 100, 7);

        Assert.Empty(_processor.Process(image.PngsaveBuffer(), "input.files.0").Variants);
    }

    [Fact]
    public void A_resized_reencoded_copy_is_near_and_an_unrelated_image_far()
    {
        using var original = TestImages.Pattern(640, 480, 11);
        using var copy = original.ThumbnailImage(300);
        using var unrelated = TestImages.Pattern(640, 480, 12);

        var a = _processor.Process(original.PngsaveBuffer(), "f");
        var b = _processor.Process(copy.JpegsaveBuffer(q: 60), "f");
        var c = _processor.Process(unrelated.PngsaveBuffer(), "f");

        Assert.InRange(PerceptualHash.Distance(a.Phash, b.Phash), 0, 8);
        Assert.InRange(PerceptualHash.Distance(a.Phash, c.Phash), 21, 64);
    }

    [Fact]
    public void A_mirror_image_is_found_through_the_mirror_hash()
    {
        using var original = TestImages.Pattern(640, 480, 13);
        using var mirrored = original.FlipHor();

        var a = _processor.Process(original.PngsaveBuffer(), "f");
        var m = _processor.Process(mirrored.PngsaveBuffer(), "f");

        Assert.InRange(PerceptualHash.Distance(a.PhashMirror, m.Phash), 0, 8);
    }

    [Fact]
    public void Bytes_libvips_cannot_read_are_bad_input()
    {
        var garbage = new byte[4096];
        new Random(14).NextBytes(garbage);

        Assert.Throws<BadInputException>(() => _processor.Process(garbage, "f"));
    }

    [Fact]
    public void The_hash_bits_follow_the_common_layout()
    {
        // A left-to-right ramp: its 8 × 8 DCT has only first-row energy.
        var ramp = new byte[PerceptualHash.Side * PerceptualHash.Side];
        for (var i = 0; i < ramp.Length; i++)
        {
            ramp[i] = (byte)(i % PerceptualHash.Side * 8);
        }

        var hash = PerceptualHash.Of(ramp);

        Assert.Equal("0x", PerceptualHash.ToHex(hash)[..2]);
        Assert.Equal(18, PerceptualHash.ToHex(hash).Length);
        Assert.True((hash >> 63) == 1, "the DC term (first, most significant bit) is above the median");
        Assert.True(PerceptualHash.TryParseHex(PerceptualHash.ToHex(hash), out var parsed) && parsed == hash);
    }
}
