using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NetVips;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Benchmarks.Media;

/// <summary>
/// <c>./nft bench media [iterations]</c>: the Media module's own code for an upload, in process: a 12-megapixel JPEG
/// through <see cref="UploadPreparer"/> (header inspection, metadata stripping, WebP variants 1024/512/256, perceptual
/// hash, CID) and then <see cref="MediaObjects.PutUploadAsync"/> to a local S3 server (s3rver, as in process mode);
/// each stage alone; 100 small images the same way (throughput); the peak resident memory of all that. With libvips on
/// one thread (the one-core figure) and on its default threads. Baselines in the same run: libvips alone decoding
/// (shrink-on-load) and encoding the largest variant, and SHA-256 of the bytes.
/// </summary>
internal static class MediaBench
{
    private const int Small = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var defaultThreads = NetVips.NetVips.Concurrency;
        var processor = new ImageProcessor(Options.Create(new ImageOptions()));
        var preparer = new UploadPreparer(processor, Options.Create(new MediaLimits()));

        var large = Jpeg(4000, 3000, 90);
        var small = Enumerable.Range(0, Small).Select(i => Jpeg(640, 480, 85, seed: i)).ToArray();
        var (store, missing) = await LocalObjectStore.StartAsync();
        using var running = store;
        var objects = store is null ? null : new MediaObjects(store.Client, store.Options);
        Console.WriteLine($"NftMarketplace media benchmark — {iterations} runs, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"12-megapixel JPEG: 4000 × 3000, {large.Length / 1024} KiB; small images: 640 × 480, {small.Sum(s => s.Length) / small.Length / 1024} KiB each");
        Console.WriteLine(store is null ? $"objects are not stored: {missing}" : $"objects stored to s3rver at {store.Options.Endpoint}");

        // Peak memory of the measurements only: the kernel's high-water mark is reset after the inputs exist.
        Memory.ResetPeak();
        var rows = new List<string>();
        var stages = new List<string>();
        var throughput = new List<string>();
        foreach (var threads in new[] { 1, defaultThreads }.Distinct())
        {
            NetVips.NetVips.Concurrency = threads;
            var prepare = () => Prepare(preparer, large);
            await prepare(); // warm-up
            Baseline(large);
            // Interleaved, so the pipeline and its baseline see the same moments of a shared machine; the puts in a
            // loop of their own, as s3rver's work (another process) may go on after a put has returned.
            Func<Task> baselineRun = () => { Baseline(large); return Task.CompletedTask; };
            var measured = await MeasureInterleavedAsync(iterations, async () => await prepare(), baselineRun);
            rows.Add(Row("12 MP JPEG → inspect + strip + variants + pHash + CID", threads, measured[0], measured[1]));
            if (objects is not null)
            {
                var stored = await MeasureInterleavedAsync(iterations,
                    async () => await objects.PutUploadAsync(await prepare(), Stream.Null, CancellationToken.None), baselineRun);
                rows.Add(Row("… + store original and variants to S3", threads, stored[0], stored[1]));
            }

            if (threads == 1)
            {
                var upload = await prepare();
                var stripped = MetadataStripper.Strip(MediaFormat.Jpeg, large);
                stages.Add(Stage("header inspection", await MeasureAsync(iterations, () => { Inspect(large); return Task.CompletedTask; })));
                stages.Add(Stage("metadata stripping", await MeasureAsync(iterations, () => { MetadataStripper.Strip(MediaFormat.Jpeg, large); return Task.CompletedTask; })));
                stages.Add(Stage("decode + 3 WebP variants + pHash (libvips)", await MeasureAsync(iterations, () => { processor.Process(stripped, "file"); return Task.CompletedTask; })));
                stages.Add(Stage("CID (UnixFS, SHA-256 of chunks and whole)", await MeasureAsync(iterations, () => { Cid(stripped); return Task.CompletedTask; })));
                if (objects is not null)
                {
                    stages.Add(Stage("store original + variants to S3 (at once)", await MeasureAsync(iterations, () => objects.PutUploadAsync(upload, Stream.Null, CancellationToken.None))));
                }

                stages.Add(Stage("baseline: SHA-256 of the JPEG", await MeasureAsync(iterations, () => { System.Security.Cryptography.SHA256.HashData(large); return Task.CompletedTask; })));
            }

            var watch = Stopwatch.StartNew();
            foreach (var image in small)
            {
                var upload = await Prepare(preparer, image);
                if (objects is not null)
                {
                    await objects.PutUploadAsync(upload, Stream.Null, CancellationToken.None);
                }
            }

            var seconds = watch.Elapsed.TotalSeconds;
            throughput.Add(Invariant($"{Small} small images{(objects is null ? "" : ", stored")}, libvips on {threads} thread(s): {seconds:F2} s, {Small / seconds:F1} images/s"));
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | libvips threads | p50 ms | p99 ms | baseline: libvips decode + WebP 1024, p50 ms | ratio (p50) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Stages of the 12 MP JPEG, libvips on 1 thread:");
        Console.WriteLine();
        Console.WriteLine("| stage | p50 ms | p99 ms |");
        Console.WriteLine("| --- | --- | --- |");
        stages.ForEach(Console.WriteLine);
        Console.WriteLine();
        throughput.ForEach(Console.WriteLine);
        Console.WriteLine(Invariant($"peak resident memory during the measurements: {Memory.PeakMiB()} MiB (inputs made before: {large.Length / 1024 / 1024} MiB JPEG + {Small} small)"));
        return 0;
    }

    private static async Task<PreparedUpload> Prepare(UploadPreparer preparer, byte[] upload)
    {
        using var stream = new MemoryStream(upload, writable: false);
        return await preparer.PrepareAsync(stream, "file", CancellationToken.None);
    }

    private static void Inspect(byte[] upload)
    {
        using var stream = new MemoryStream(upload, writable: false);
        MediaInspector.Inspect(stream, new MediaLimits(), "file");
    }

    private static void Cid(byte[] bytes)
    {
        using var cid = new UnixFsCidBuilder();
        cid.Append(bytes);
        cid.Finish();
    }

    private static void Baseline(byte[] upload)
    {
        using var image = Image.ThumbnailBuffer(upload, 1024, height: 10_000_000);
        image.WebpsaveBuffer(q: 80, effort: 2);
    }

    private static async Task<(double P50, double P99)> MeasureAsync(int iterations, Func<Task> action) =>
        (await MeasureInterleavedAsync(iterations, action))[0];

    /// <summary>Runs the actions in turn, <paramref name="iterations"/> rounds; p50 and p99 of each.</summary>
    private static async Task<(double P50, double P99)[]> MeasureInterleavedAsync(int iterations, params Func<Task>[] actions)
    {
        var samples = actions.Select(_ => new double[iterations]).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                var watch = Stopwatch.StartNew();
                await actions[a]();
                samples[a][i] = watch.Elapsed.TotalMilliseconds;
            }
        }

        return [.. samples.Select(Percentiles)];
    }

    private static (double P50, double P99) Percentiles(double[] samples)
    {
        Array.Sort(samples);
        return (samples[(samples.Length - 1) / 2], samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(samples.Length * 0.99) - 1)]);
    }

    private static string Row(string scenario, int threads, (double P50, double P99) measured, (double P50, double P99) baseline) =>
        Invariant($"| {scenario} | {threads} | {measured.P50:F1} | {measured.P99:F1} | {baseline.P50:F1} | {measured.P50 / baseline.P50:F2} |");

    private static string Stage(string stage, (double P50, double P99) measured) => Invariant($"| {stage} | {measured.P50:F2} | {measured.P99:F2} |");

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

    /// <summary>The process's peak resident set (Linux <c>VmHWM</c>), resettable through <c>/proc/self/clear_refs</c>.</summary>
    private static class Memory
    {
        public static void ResetPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (IOException)
            {
                // Not Linux, or not allowed: the peak then includes making the inputs.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        public static long PeakMiB()
        {
            var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            if (line is null)
            {
                using var process = Process.GetCurrentProcess();
                return process.PeakWorkingSet64 / (1024 * 1024);
            }

            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }
}
