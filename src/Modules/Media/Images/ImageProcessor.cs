using Microsoft.Extensions.Options;
using NetVips;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Media.Images;

/// <summary>
/// Decodes an image once through libvips (NetVips) — after its header passed the decode limits — to read its upright
/// size, make WebP variants at the configured widths narrower than it (shrink-on-load, then each smaller variant from
/// the larger, so a 12-megapixel JPEG is decoded once at reduced size) and compute its perceptual hash. Variants are
/// upright (orientation applied) and carry no metadata. An image libvips cannot decode completely is bad input.
/// </summary>
internal sealed class ImageProcessor(IOptions<ImageOptions> options)
{
    /// <summary>"As tall as it needs": thumbnails are sized by width only.</summary>
    private const int AnyHeight = 10_000_000;

    static ImageProcessor()
    {
        // Every upload is new: libvips' operation cache would only keep finished operations — and the upload buffers
        // they pin — alive, hundreds of megabytes of them after a few large images.
        Cache.Max = 0;
    }

    public ProcessedImage Process(byte[] image, string field)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            return ProcessCore(image);
        }
        catch (VipsException ex)
        {
            throw new BadInputException("The image could not be decoded: it is damaged or truncated.", field, ex);
        }
    }

    private ProcessedImage ProcessCore(byte[] image)
    {
        int width, height;
        using (var header = Image.NewFromBuffer(image, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error))
        {
            var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
            (width, height) = orientation >= 5 ? (header.Height, header.Width) : (header.Width, header.Height);
        }

        var widths = options.Value.VariantWidths.Where(w => w < width).Distinct().OrderDescending().ToList();
        // The largest variant, or the image itself at full size: decoded (and turned upright) once.
        Image current;
        using (var decoded = Image.ThumbnailBuffer(image, widths.Count > 0 ? widths[0] : width, height: AnyHeight,
            size: Enums.Size.Down, failOn: Enums.FailOn.Error))
        {
            // Decoding is sequential: the pixels are kept in memory once, as every later step reads them again.
            current = decoded.CopyMemory();
        }

        try
        {
            var variants = new List<ImageVariant>(widths.Count);
            foreach (var w in widths)
            {
                if (current.Width != w)
                {
                    var smaller = current.ThumbnailImage(w, height: AnyHeight, size: Enums.Size.Down);
                    current.Dispose();
                    current = smaller;
                }

                variants.Add(new ImageVariant(current.Width, current.Height,
                    current.WebpsaveBuffer(q: options.Value.VariantQuality, effort: 2, keep: Enums.ForeignKeep.None)));
            }

            var gray = HashPixels(current);
            return new ProcessedImage(width, height, PerceptualHash.Of(gray), PerceptualHash.OfMirror(gray), variants);
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>32 × 32 luma (ITU-R 601: 0.299 R + 0.587 G + 0.114 B, as imagehash's grayscale), alpha over white.</summary>
    private static byte[] HashPixels(Image image)
    {
        using var small = image.ThumbnailImage(PerceptualHash.Side, height: PerceptualHash.Side, size: Enums.Size.Force);
        using var flat = small.HasAlpha() ? small.Flatten(background: [255, 255, 255]) : small.Copy();
        using var srgb = flat.Colourspace(Enums.Interpretation.Srgb);
        using var bytes = srgb.Cast(Enums.BandFormat.Uchar);
        var pixels = bytes.WriteToMemory<byte>();
        var bands = bytes.Bands;
        var gray = new byte[PerceptualHash.Side * PerceptualHash.Side];
        for (var i = 0; i < gray.Length; i++)
        {
            var p = i * bands;
            gray[i] = bands >= 3
                ? (byte)(((pixels[p] * 299) + (pixels[p + 1] * 587) + (pixels[p + 2] * 114) + 500) / 1000)
                : pixels[p];
        }

        return gray;
    }
}
