using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Indexing.Following;
using NftMarketplace.Modules.Indexing.Tracking;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Endpoints;
using Npgsql;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// <c>./nft bench indexer</c>: the cold backfill of the reference workload (<see cref="ReferenceWorkload"/>) by the
/// project's indexer, against the raw bound measured in the same run: <c>eth_getLogs</c> over the range and the headers
/// of the blocks with logs (<see cref="RawBound"/>). The backfill runs in a real Host (every module) on fresh
/// databases: the chain registered, its follower caught up with the head, then <c>trackCollection</c> of the
/// workload's contract from its creation block; the clock reads when every one of its logs is stored in
/// <c>indexing.raw_events</c>, and when every Transfer is applied by the Catalog (owners are recomputed in the
/// transaction that stores a transfer, so then every owner is queryable).
/// </summary>
internal static class IndexerBench
{
    private static readonly ChainId Chain = ChainId.Eip155(BenchAnvil.ChainNumber);

    /// <returns>The process exit code: 0, or 1 when the bench could not run.</returns>
    public static async Task<int> RunAsync()
    {
        try
        {
            var logs = Path.Combine(BenchAnvil.RepositoryRoot(), ".stack", "logs", "bench-indexer");
            Console.WriteLine($"NftMarketplace indexer benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}; {LoadAverage()}");
            Console.WriteLine("1/4 the reference workload (chain-pipeline.md §5)…");
            var workload = await ReferenceWorkload.LoadOrBuildAsync(Console.Out);

            Console.WriteLine("2/4 its chain on a fresh Anvil, from the cached state…");
            await using var anvil = await BenchAnvil.StartAsync(ReferenceWorkload.StateFile);
            if (await anvil.HeadAsync() != workload.Head)
            {
                throw new InvalidOperationException($"the loaded chain's head is not the workload's ({workload.Head}); delete {ReferenceWorkload.CacheDirectory} to generate it again.");
            }

            var defaults = new FollowerOptions();
            Console.WriteLine($"3/4 the raw bound: eth_getLogs and headers, {defaults.MaxConcurrentRequests} requests at once; {LoadAverage()}…");
            var raw = await RawBound.MeasureAsync(anvil.Rpc, workload.Collection, workload.FromBlock, workload.Head, defaults.MaxConcurrentRequests, defaults.RpcBatchSize);
            if (raw.Logs != workload.Logs)
            {
                throw new InvalidOperationException($"eth_getLogs returned {raw.Logs} logs instead of the workload's {workload.Logs}.");
            }

            Console.WriteLine($"4/4 the project's cold backfill, in a Host on fresh servers (starting them takes a minute; log in {logs})…");
            await using var infrastructure = await BenchInfrastructure.StartAsync();
            await using var host = await IndexerHost.StartAsync(infrastructure.ConnectionStrings, anvil.Rpc, Path.Combine(logs, "host.log"));
            var backfill = await BackfillAsync(host, infrastructure.ConnectionStrings["nftmarketplace"], workload);

            Console.WriteLine();
            Print(workload, raw, backfill);
            Console.WriteLine();
            Console.WriteLine($"Host log: {host.Log.Describe()}. Finished; {LoadAverage()}.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("bench indexer: " + ex.Message);
            return 1;
        }
    }

    private static async Task<BackfillResult> BackfillAsync(IndexerHost host, string database, ReferenceWorkload workload)
    {
        await SendAsync(host, new AddChain(Chain, "Indexer bench", "ETH", 18, null, null, 1, false));
        await SendAsync(host, new AddChainEndpoint(Chain, host.Services.GetRequiredService<IConfiguration>().GetConnectionString("chain")!.TrimEnd('/'), 0, 1, null, true));
        await SendAsync(host, new EnableChain(Chain));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // The follower starts at the head of a chain without factories: caught up before the contract is tracked.
        await UntilAsync(connection, "SELECT coalesce(max(last_block), -1) FROM indexing.checkpoints WHERE chain_id = @chain", workload.Head, TimeSpan.FromMinutes(2), workload);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var tracked = await SendAsync(host, new TrackCollection(Chain, Address.Parse(workload.Collection), workload.FromBlock));
        var answered = clock.Elapsed;
        await UntilAsync(connection, "SELECT count(*) FROM indexing.raw_events WHERE chain_id = @chain AND address = @address", workload.Logs, TimeSpan.FromMinutes(10), workload);
        var stored = clock.Elapsed;
        await UntilAsync(connection, "SELECT count(*) FROM catalog.ownership_transfers WHERE chain_id = @chain AND contract = @address", workload.TransferLogs, TimeSpan.FromMinutes(10), workload);
        var owners = clock.Elapsed;
        await UntilAsync(connection, "SELECT count(*) FROM indexing.followed_contracts WHERE chain_id = @chain AND address = @address AND backfill_status = 'LIVE'", 1, TimeSpan.FromMinutes(1), workload);
        var live = clock.Elapsed;
        return new BackfillResult(tracked.IndexStatus, answered, stored, owners, live, await StagesAsync(connection, started));
    }

    /// <summary>
    /// Where the time went, from the timestamps the modules keep: when each module's outbox messages were written and
    /// published, and when each consumer finished its deliveries (milliseconds after <c>trackCollection</c> was sent).
    /// </summary>
    private static async Task<List<Stage>> StagesAsync(NpgsqlConnection connection, DateTimeOffset started)
    {
        const string Sql =
            "SELECT 'indexing outbox (written / published)', count(*), min(occurred_at), max(occurred_at), max(published_at) FROM indexing.outbox_messages WHERE occurred_at >= @start "
            + "UNION ALL SELECT 'catalog ' || consumer || ' (processed)', count(*), min(processed_at), max(processed_at), NULL FROM catalog.processed_events "
            + "  WHERE processed_at >= @start GROUP BY consumer "
            + "UNION ALL SELECT 'catalog outbox (written / published)', count(*), min(occurred_at), max(occurred_at), max(published_at) FROM catalog.outbox_messages WHERE occurred_at >= @start";
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("start", started);
        var stages = new List<Stage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stages.Add(new Stage(reader.GetString(0), reader.GetInt64(1), Since(2), Since(3), Since(4)));
        }

        return stages;

        TimeSpan? Since(int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column) - started;
    }

    private static async Task<T> SendAsync<T>(IndexerHost host, IRequest<T> request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, CancellationToken.None);
    }

    /// <summary>Polls <paramref name="sql"/> (one number) until it reaches <paramref name="target"/>.</summary>
    private static async Task UntilAsync(NpgsqlConnection connection, string sql, long target, TimeSpan timeout, ReferenceWorkload workload)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("chain", Chain.Value);
        command.Parameters.AddWithValue("address", workload.Collection);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) >= target)
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"timed out after {timeout} waiting for `{sql}` to reach {target}.");
            }

            // Not much more often: counting 100,000 rows is itself work the machine under test would do instead.
            await Task.Delay(50);
        }
    }

    private static void Print(ReferenceWorkload workload, RawBoundResult raw, BackfillResult backfill)
    {
        var blocks = workload.Head - workload.FromBlock + 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## Cold backfill of {workload.Logs:#,0} logs ({workload.TransferLogs:#,0} Transfer) over {blocks:#,0} blocks (same run; ratio = time ÷ the raw bound)"));
        Console.WriteLine();
        Console.WriteLine("| what | seconds | logs/s | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row($"raw bound: eth_getLogs ({raw.LogRequests} windows) + headers of {raw.Headers:#,0} blocks ({raw.HeaderBatches} batches)", raw.Elapsed);
        Row("  of which eth_getLogs", raw.LogsElapsed);
        Row($"trackCollection to every log stored in indexing.raw_events (answered {backfill.Answered.TotalMilliseconds:0} ms, {backfill.Status})", backfill.Stored);
        Row("trackCollection to every owner queryable in the Catalog (every Transfer applied)", backfill.Owners);
        Row("trackCollection to the contract LIVE", backfill.Live);
        Console.WriteLine();
        Console.WriteLine("Goal: every owner queryable in ≤ 4 s and ≤ 2.5× the raw bound.");
        Console.WriteLine();
        Console.WriteLine("Where the time went (ms after trackCollection; from the modules' outbox and inbox timestamps):");
        Console.WriteLine();
        Console.WriteLine("| stage | messages | first | last | last published |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var stage in backfill.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {stage.What} | {stage.Messages} | {Ms(stage.First)} | {Ms(stage.Last)} | {Ms(stage.Published)} |"));
        }

        void Row(string what, TimeSpan elapsed) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {elapsed.TotalSeconds:0.000} | {workload.Logs / elapsed.TotalSeconds:#,0} | {elapsed / raw.Elapsed:0.00}× |"));
    }

    private static string Ms(TimeSpan? at) => at is { } value ? value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) : "";

    private static string LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        var load = File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"load average {load} on {Environment.ProcessorCount} cores");
    }

    private sealed record BackfillResult(string Status, TimeSpan Answered, TimeSpan Stored, TimeSpan Owners, TimeSpan Live, IReadOnlyList<Stage> Stages);

    private sealed record Stage(string What, long Messages, TimeSpan? First, TimeSpan? Last, TimeSpan? Published);
}
