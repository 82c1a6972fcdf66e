using System.Diagnostics;
using System.Globalization;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>A scenario run a fixed number of times with a given parallelism: operations per second and each one's duration.</summary>
internal sealed class ThroughputSample
{
    private readonly double[] _micros;
    private double[]? _sorted;

    private ThroughputSample(string name, int parallelism, int count)
    {
        Name = name;
        Parallelism = parallelism;
        _micros = new double[count];
    }

    public string Name { get; }

    public int Parallelism { get; }

    public int Count => _micros.Length;

    public TimeSpan Elapsed { get; private set; }

    public double OpsPerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Runs <paramref name="operation"/> for 0 … <paramref name="count"/>-1, at most <paramref name="parallelism"/> at once.</summary>
    public static async Task<ThroughputSample> MeasureAsync(string name, int count, int parallelism, Func<int, Task> operation)
    {
        var sample = new ThroughputSample(name, parallelism, count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, _) =>
        {
            var begun = Stopwatch.GetTimestamp();
            await operation(i);
            sample._micros[i] = Stopwatch.GetElapsedTime(begun).TotalMicroseconds;
        });
        sample.Elapsed = Stopwatch.GetElapsedTime(started);
        return sample;
    }

    /// <summary>The synchronous counterpart of <see cref="MeasureAsync"/>, for CPU-bound work.</summary>
    public static ThroughputSample Measure(string name, int count, int parallelism, Action<int> operation)
    {
        var sample = new ThroughputSample(name, parallelism, count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, count, options, i =>
        {
            var begun = Stopwatch.GetTimestamp();
            operation(i);
            sample._micros[i] = Stopwatch.GetElapsedTime(begun).TotalMicroseconds;
        });
        sample.Elapsed = Stopwatch.GetElapsedTime(started);
        return sample;
    }

    /// <summary>Nearest-rank percentile of the durations, in microseconds.</summary>
    public double Percentile(double p)
    {
        _sorted ??= _micros.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length) - 1;
        return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)];
    }

    /// <summary>A row of the results table: this scenario, and its throughput as a share of <paramref name="baseline"/>'s.</summary>
    public string Row(ThroughputSample? baseline)
    {
        var ratio = baseline is null ? "—" : Ratio(OpsPerSecond / baseline.OpsPerSecond);
        var against = baseline is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{baseline.Name} ({baseline.OpsPerSecond:#,0}/s)");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Count:#,0} | {OpsPerSecond:#,0} | {Duration(Percentile(50))} | {Duration(Percentile(99))} | {against} | {ratio} |");
    }

    public static string Duration(double micros) =>
        micros < 1_000
            ? string.Create(CultureInfo.InvariantCulture, $"{micros:0} µs")
            : string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000:0.00} ms");

    /// <summary>A ratio far below one reads better with its inverse: 0.0104× (1/96).</summary>
    public static string Ratio(double ratio) =>
        ratio >= 0.5
            ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×")
            : string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0000}× (1/{1 / ratio:0})");
}
