using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL;

namespace NftMarketplace.Benchmarks;

/// <summary>
/// <c>./nft bench validation [runs]</c>: time from query text to a validated (or refused) document for documents
/// that are small as text but costly to validate, with the document limits off (how the gateway behaved without
/// them) and at their defaults; and for the largest documents the defaults accept, first seen and repeated
/// (document cache). In process, no HTTP, so only parsing, validation and execution are timed. Every time is also
/// given as a multiple of a baseline measured in the same run just before it: a trivial query (<c>{ serverTime }</c>),
/// first seen, so the ratios hold on a busier or faster machine.
/// </summary>
internal static class ValidationBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        await using var gateway = StartGateway();

        Console.WriteLine($"Validation time, median of {runs} runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("Baseline: { serverTime } first seen, measured before each row; (×n) is a time over it.");
        Console.WriteLine();
        Console.WriteLine("| document | size | limits off | limits on | baseline | answer with limits on |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, document) in ProbeDocuments())
        {
            var baseline = await BaselineAsync(gateway);
            var before = await MedianAsync(gateway, document, runs, distinct: true, limits: false);
            var after = await MedianAsync(gateway, document, runs, distinct: true, limits: true);
            Console.WriteLine(
                $"| {name} | {document.Length / 1024.0:F1} KB | {Ms(before.Time)} (×{Ratio(before.Time, baseline)}) | {Ms(after.Time)} (×{Ratio(after.Time, baseline)}) | {Ms(baseline)} | {after.Answer} |");
        }

        Console.WriteLine();
        Console.WriteLine("| largest accepted document | size | first time | repeated (cached) | baseline | answer |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, document) in LargestAccepted())
        {
            var baseline = await BaselineAsync(gateway);
            var first = await MedianAsync(gateway, document, runs, distinct: true, limits: true);
            var repeated = await MedianAsync(gateway, document, runs, distinct: false, limits: true);
            Console.WriteLine(
                $"| {name} | {document.Length / 1024.0:F1} KB | {Ms(first.Time)} (×{Ratio(first.Time, baseline)}) | {Ms(repeated.Time)} (×{Ratio(repeated.Time, baseline)}) | {Ms(baseline)} | {first.Answer} |");
        }

        return 0;
    }

    private static async Task<TimeSpan> BaselineAsync(Gateway gateway) =>
        (await MedianAsync(gateway, "{ serverTime }", 21, distinct: true, limits: true)).Time;

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(TimeSpan time, TimeSpan baseline) => (time / baseline).ToString("F1", CultureInfo.InvariantCulture);

    private static IEnumerable<(string, string)> ProbeDocuments()
    {
        yield return ("chain of 1,500 fragments", Chain(1_500, field: null));
        yield return ("1,200 root fragment spreads", RootSpreads(1_200));
        yield return ("7,500 duplicate fields", Repeat("serverTime", 7_500));
    }

    private static IEnumerable<(string, string)> LargestAccepted()
    {
        yield return ("chain of 50 fragments, a field each", Chain(50, field: "serverTime"));
        yield return ("50 root fragment spreads", RootSpreads(50));
        yield return ("500 duplicate fields", Repeat("serverTime", 500));
        yield return ("23 root spreads of 10 fields each", RootSpreads(23, fieldsEach: 10));
        yield return ("500 aliased fields", "{ " + string.Join(" ", Enumerable.Range(0, 500).Select(i => $"f{i}: serverTime")) + " }");
    }

    /// <summary>
    /// The median time to an answer; with <paramref name="distinct"/> each run's text differs (a trailing comment),
    /// so no run is served from the document cache. Without <paramref name="limits"/> the document is handed to the
    /// engine already parsed, which skips the gate (limits and cache) as the gateway did before it had one.
    /// </summary>
    private static async Task<(TimeSpan Time, string Answer)> MedianAsync(Gateway gateway, string document, int runs, bool distinct, bool limits)
    {
        var times = new List<TimeSpan>();
        var answer = string.Empty;
        // One run first, so the cache holds the document when repeats are measured and JIT is warm.
        await gateway.ExecuteAsync(document + "\n# warm-up", limits);
        for (var i = 0; i < runs; i++)
        {
            var text = distinct ? $"{document}\n# run {i}" : document + "\n# warm-up";
            var clock = Stopwatch.StartNew();
            var result = await gateway.ExecuteAsync(text, limits);
            times.Add(clock.Elapsed);
            answer = result.Errors is { Count: > 0 } errors ? $"refused: {errors[0].Code}" : "validated";
        }

        times.Sort();
        return (times[times.Count / 2], answer);
    }

    private static string Chain(int fragments, string? field)
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < fragments; i++)
        {
            var next = i + 1 < fragments ? $"...F{i + 1}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query {{ {field ?? (next.Length == 0 ? "serverTime" : string.Empty)} {next} }}");
        }

        return text.ToString();
    }

    private static string RootSpreads(int spreads, int fieldsEach = 1)
    {
        var fields = string.Join(" ", Enumerable.Repeat("serverTime", fieldsEach));
        var text = new StringBuilder("{");
        for (var i = 0; i < spreads; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" ...Fragment{i:D4}");
        }

        text.Append(" }");
        for (var i = 0; i < spreads; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment Fragment{i:D4} on Query {{ {fields} }}");
        }

        return text.ToString();
    }

    private static string Repeat(string field, int times) => "{ " + string.Join(" ", Enumerable.Repeat(field, times)) + " }";

    private static Gateway StartGateway()
    {
        var builder = WebApplication.CreateSlimBuilder([]);
        builder.Logging.ClearProviders();
        builder.Services.AddMediator();
        builder.AddGraphQLGateway();
        return new Gateway(builder.Build());
    }

    private sealed class Gateway(WebApplication app) : IAsyncDisposable
    {
        /// <summary>
        /// Runs on a thread with a large stack: without the limits, the engine follows a chain of fragments by
        /// recursion and overflows an ordinary thread's stack (the process dies) before it could be timed.
        /// </summary>
        public Task<ExecutionResult> ExecuteAsync(string query, bool limits)
        {
            ExecutionResult? result = null;
            var thread = new Thread(() => result = ExecuteCoreAsync(query, limits).GetAwaiter().GetResult(), maxStackSize: 1024 * 1024 * 1024);
            thread.Start();
            thread.Join();
            return Task.FromResult(result!);
        }

        private async Task<ExecutionResult> ExecuteCoreAsync(string query, bool limits)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
            {
                Query = limits ? query : null,
                Document = limits ? null : GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments }),
                RequestServices = scope.ServiceProvider,
            });
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
