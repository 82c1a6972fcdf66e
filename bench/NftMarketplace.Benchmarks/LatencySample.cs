using System.Diagnostics;
using System.Globalization;

namespace NftMarketplace.Benchmarks;

/// <summary>Round-trip times of one scenario, in microseconds.</summary>
internal sealed class LatencySample(string name)
{
    private readonly List<double> _micros = [];

    public string Name { get; } = name;

    public int Count => _micros.Count;

    public async Task MeasureAsync(Func<Task> operation, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            _micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    public double Percentile(double p)
    {
        var sorted = _micros.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Row(LatencySample subject, LatencySample baseline)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"| {subject.Name} | {subject.Count} | {subject.Percentile(50):0} µs | {subject.Percentile(99):0} µs | "
            + $"{baseline.Name} | {baseline.Percentile(50):0} µs | {baseline.Percentile(99):0} µs | "
            + $"{subject.Percentile(50) / baseline.Percentile(50):0.00}× | {subject.Percentile(99) / baseline.Percentile(99):0.00}× |");
    }
}
