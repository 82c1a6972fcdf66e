using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.Benchmarks.Catalog;

/// <summary>
/// <c>./nft bench rarity</c>: a 10,000-token, 8-trait collection re-ranked by OpenRarity. First one cold run, as a
/// freshly started catalog meets it (first call, JIT included); then BenchmarkDotNet (short run, in process) with
/// sorting the scores as the baseline of the same run. Goal: under 1 s. Given a Postgres server (the argument, or
/// <c>ConnectionStrings__nftmarketplace</c>), also the recompute as the worker runs it, database round trip included
/// (<see cref="RarityDatabaseBench"/>), against the same goal.
/// </summary>
internal static class RarityBench
{
    private const double GoalMilliseconds = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"NftMarketplace rarity benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var tokens = SyntheticCollection.Create(10_000, seed: 42);
        var watch = Stopwatch.StartNew();
        OpenRarityRanker.Rank(tokens);
        var cold = watch.Elapsed.TotalMilliseconds;

        var artifacts = Path.Combine(Path.GetTempPath(), "nftmarketplace-bench-rarity");
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.DontLogOutput).WithId("ShortRun-InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(DefaultConfig.Instance.GetDiagnosers().ToArray())
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(artifacts);
        var summary = BenchmarkRunner.Run<RarityBenchmarks>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(report => !report.Success))
        {
            Console.Error.WriteLine($"bench rarity: BenchmarkDotNet did not complete (log: {summary.LogFilePath})");
            return 1;
        }

        MarkdownExporter.Console.ExportToLog(summary, ConsoleLogger.Unicode);
        var rank = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(RarityBenchmarks.Rank));
        var warmMilliseconds = rank.ResultStatistics!.Mean / 1e6;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"10,000 tokens × 8 traits: {warmMilliseconds:F2} ms warm, {cold:F1} ms cold (first call, JIT included)"));
        Console.WriteLine($"goal: under {GoalMilliseconds:F0} ms — {(Math.Max(cold, warmMilliseconds) < GoalMilliseconds ? "met" : "NOT met")}");

        var connectionString = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("ConnectionStrings__nftmarketplace");
        if (string.IsNullOrEmpty(connectionString))
        {
            Console.WriteLine("with the database: skipped (pass a Postgres connection string, or set ConnectionStrings__nftmarketplace)");
            return 0;
        }

        var (first, mean, max) = await RarityDatabaseBench.RunAsync(connectionString, 10_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"with the database (load + traits + rank + write, one transaction, every rank rewritten): {mean:F1} ms mean, {max:F1} ms max, {first:F1} ms first"));
        Console.WriteLine($"goal: under {GoalMilliseconds:F0} ms — {(Math.Max(first, max) < GoalMilliseconds ? "met" : "NOT met")}");
        return 0;
    }
}
