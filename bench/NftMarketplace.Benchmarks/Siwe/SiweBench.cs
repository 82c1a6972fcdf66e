using System.Globalization;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// <c>./nft bench siwe [sign-ins] [concurrency]</c>: Sign-In with Ethereum against raw secp256k1 recovery, every
/// ratio from one run: BenchmarkDotNet for the CPU work of one proof, then <c>verifySiwe</c> end to end over HTTP.
/// </summary>
internal static class SiweBench
{
    private const int DefaultSignIns = 2_000;
    private const int DefaultConcurrency = 8;

    /// <returns>The process exit code: 0, 1 when the bench could not run, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryReadArguments(args, out var signIns, out var concurrency))
        {
            await Console.Error.WriteLineAsync("usage: ./nft bench siwe [sign-ins (2000)] [concurrency (8)]");
            return 2;
        }

        try
        {
            // Before the minutes of microbenchmarks: a stack that is down should fail the bench at once.
            var stack = StackEndpoints.Read(StackEndpoints.DefaultStateDirectory);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"NftMarketplace SIWE benchmark — {signIns:#,0} sign-ins at {concurrency} concurrent, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

            var logs = Path.Combine(stack.StateDirectory, "logs", "bench-siwe");
            Console.WriteLine($"1/2 signature recovery microbenchmarks (BenchmarkDotNet, short run, in process; log in {logs}); {LoadAverage()}…");
            var summary = RecoveryMicrobenchmarks.Run(logs);
            Console.WriteLine();
            // The export starts with a blank line of its own.
            Console.WriteLine("## Signature recovery (BenchmarkDotNet; Ratio against raw NBitcoin recovery)");
            RecoveryMicrobenchmarks.Print(summary);
            Console.WriteLine();

            Console.WriteLine($"2/2 verifySiwe end to end, on the Host's composition in this process and the stack's servers; {LoadAverage()}…");
            var endToEnd = await VerifySiweThroughput.RunAsync(stack, signIns, concurrency, Path.Combine(logs, "host.log"), Console.Out);
            Console.WriteLine();
            PrintEndToEnd(endToEnd);
            Console.WriteLine();
            Console.WriteLine($"Finished; {LoadAverage()}.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("bench siwe: " + ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// The one-minute load average, where the system tells it: the cores are shared with the stack (and whatever
    /// else runs), so a reader needs it to judge absolute numbers. Ratios within the run suffer much less.
    /// </summary>
    private static string LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        var load = File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"load average {load} on {Environment.ProcessorCount} cores");
    }

    private static bool TryReadArguments(string[] args, out int signIns, out int concurrency)
    {
        signIns = DefaultSignIns;
        concurrency = DefaultConcurrency;
        return args.Length <= 2
            && (args.Length < 1 || (int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out signIns) && signIns > 0))
            && (args.Length < 2 || (int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) && concurrency > 0));
    }

    private static void PrintEndToEnd(VerifySiweResults results)
    {
        Console.WriteLine("## verifySiwe end to end (same run; ratio = ops/s ÷ the baseline's ops/s)");
        Console.WriteLine();
        Console.WriteLine("| scenario | n | ops/s | p50 | p99 | baseline | ratio |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(results.OneAtATime.Row(results.RawOneThread));
        Console.WriteLine(results.Concurrent.Row(results.RawParallel));
        Console.WriteLine(results.RawOneThread.Row(baseline: null));
        Console.WriteLine(results.RawParallel.Row(baseline: null));
        Console.WriteLine();

        // One at a time, the latencies split a call; under load, throughputs split the machine: at saturation a
        // verification costs 1/(its ops/s) of the machine and a recovery 1/(its ops/s), so their quotient is the share.
        var latencyShare = results.RawOneThread.Percentile(50) / results.OneAtATime.Percentile(50);
        var loadShare = results.Concurrent.OpsPerSecond / results.RawParallel.OpsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Recovery is {latencyShare:0.0%} of a verifySiwe one at a time (p50 {ThroughputSample.Duration(results.RawOneThread.Percentile(50))} "
            + $"of {ThroughputSample.Duration(results.OneAtATime.Percentile(50))}), and {loadShare:0.0%} of the machine's time per verification "
            + $"at {results.Concurrent.Parallelism} concurrent ({results.Concurrent.OpsPerSecond:#,0} verifySiwe/s against {results.RawParallel.OpsPerSecond:#,0} recoveries/s)."));
        Console.WriteLine("The rest is GraphQL over HTTP, the nonce in Redis and Postgres, the user, wallet and session rows, the JWT and the outbox; "
            + "client, Host, Postgres and Redis share this machine's cores.");
    }
}
