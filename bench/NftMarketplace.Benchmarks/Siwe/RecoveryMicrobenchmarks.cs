using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>Runs <see cref="RecoveryBenchmarks"/> with BenchmarkDotNet, short and in this process.</summary>
internal static class RecoveryMicrobenchmarks
{
    /// <param name="artifacts">Where BenchmarkDotNet writes its log (the details of every iteration).</param>
    /// <exception cref="InvalidOperationException">A benchmark failed or did not validate; the log says why.</exception>
    public static Summary Run(string artifacts)
    {
        // In process: no generated project to build, so the whole bench stays one process and a few minutes on
        // two cores. Short run: 3 warm-up and 3 measured iterations, enough for ratios this far apart.
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.DontLogOutput).WithId("ShortRun-InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(DefaultConfig.Instance.GetDiagnosers().ToArray())
            // The per-iteration chatter goes to the log file only; the summary is printed by the caller.
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(artifacts);

        var summary = BenchmarkRunner.Run<RecoveryBenchmarks>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(report => !report.Success))
        {
            var errors = string.Join("; ", summary.ValidationErrors.Select(error => error.Message));
            throw new InvalidOperationException(
                $"BenchmarkDotNet did not complete{(errors.Length > 0 ? ": " + errors : "")} (log: {summary.LogFilePath})");
        }

        return summary;
    }

    /// <summary>BenchmarkDotNet's own summary: environment and the table with its Ratio column.</summary>
    public static void Print(Summary summary) => MarkdownExporter.Console.ExportToLog(summary, ConsoleLogger.Unicode);
}
