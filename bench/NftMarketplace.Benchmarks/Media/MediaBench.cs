using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NetVips;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;

namespace NftMarketplace.Benchmarks.Media;

/// <summary>
/// <c>./nft bench media [iterations]</c>: the Media module's processing of an upload in process, on one core (libvips
/// limited to one thread): a 12-megapixel JPEG through header inspection, metadata stripping, variants (WebP 1024, 512,
/// 256), perceptual hash and CID; 100 small images the same way (throughput); peak memory. Baselines in the same run:
/// libvips alone decoding (shrink-on-load) and encoding the largest variant, and SHA-256 of the bytes.
/// </summary>
internal static class MediaBench
{
    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        NetVips.NetVips.Concurrency = 1;
        var processor = new ImageProcessor(Options.Create(new ImageOptions()));
        var limits = new MediaLimits();

        var large = Jpeg(4000, 3000, 90);
        var small = Enumerable.Range(0, 100).Select(i => Jpeg(640, 480, 85, seed: i)).ToArray();
        Console.WriteLine($"NftMarketplace media benchmark — {iterations} runs, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)} on 1 thread, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"12-megapixel JPEG: 4000 × 3000, {large.Length / 1024} KiB; small images: 640 × 480, {small.Sum(s => s.Length) / small.Length / 1024} KiB each");

        Pipeline(processor, limits, large); // warm-up
        Baseline(large);
        var pipeline = Measure(iterations, () => Pipeline(processor, limits, large));
        var baseline = Measure(iterations, () => Baseline(large));
        var sha = Measure(iterations, () => SHA256.HashData(large));

        var watch = Stopwatch.StartNew();
        foreach (var image in small)
        {
            Pipeline(processor, limits, image);
        }

        var smallSeconds = watch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        Console.WriteLine();
        Console.WriteLine("| scenario | p50 ms | p90 ms | baseline | baseline p50 ms | ratio |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(Invariant($"| 12 MP JPEG → strip + variants + pHash + CID | {pipeline.P50:F1} | {pipeline.P90:F1} | libvips decode + WebP 1024 | {baseline.P50:F1} | {pipeline.P50 / baseline.P50:F2} |"));
        Console.WriteLine(Invariant($"| SHA-256 of the 12 MP JPEG | {sha.P50:F2} | {sha.P90:F2} | | | |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"100 small images: {smallSeconds:F2} s, {100 / smallSeconds:F1} images/s on one core"));
        Console.WriteLine(Invariant($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB"));
        Console.WriteLine(Invariant($"goal: 12 MP ≤ 400 ms on one core — {(pipeline.P50 <= 400 ? "met" : "NOT met")}"));
        return 0;
    }

    private static void Pipeline(ImageProcessor processor, MediaLimits limits, byte[] upload)
    {
        using (var stream = new MemoryStream(upload, writable: false))
        {
            MediaInspector.Inspect(stream, limits, "file");
        }

        var stored = MetadataStripper.Strip(MediaFormat.Jpeg, upload);
        processor.Process(stored, "file");
        using var cid = new UnixFsCidBuilder();
        cid.Append(stored);
        cid.Finish();
    }

    private static void Baseline(byte[] upload)
    {
        using var image = Image.ThumbnailBuffer(upload, 1024, height: 10_000_000);
        image.WebpsaveBuffer(q: 80, effort: 2);
    }

    private static (double P50, double P90) Measure(int iterations, Action action)
    {
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[Math.Min(iterations - 1, iterations * 9 / 10)]);
    }

    /// <summary>A photo-like JPEG: smooth gradients with noise (so it compresses like a photo, not like a flat fill).</summary>
    private static byte[] Jpeg(int width, int height, int quality, int seed = 0)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var r = (x * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        using var g = (y * (255.0 / height)).Cast(Enums.BandFormat.Uchar);
        using var noise = Image.Gaussnoise(width, height, sigma: 40, mean: 128 + (seed % 50));
        using var b = noise.Cast(Enums.BandFormat.Uchar);
        using var rgb = r.Bandjoin(g, b);
        using var srgb = rgb.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: quality);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
