using System.Diagnostics;
using System.Globalization;
using NftMarketplace.Benchmarks.Indexer;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Indexing.Contracts;
using Npgsql;

namespace NftMarketplace.Benchmarks.Intents;

/// <summary>
/// <c>./nft bench intents</c>: mint intents from the block being mined to the READY frame on the creator's GraphQL
/// WebSocket (chain-pipeline.md §5: 50 at once, 1 confirmation; goal p50 ≤ 100 ms, p99 ≤ 250 ms). A real Host (every
/// module, product defaults) on the bench's own servers and Anvil; creators do what a frontend and wallet do: SIWE
/// sign-in, a collection each (prepare, send, track, READY), then mints: prepareMint721, subscribe onMintStatus, sign and
/// send, trackMintTx. Anvil does not mine on its own meanwhile, so the block is mined at a known instant: t0 is when
/// <c>evm_mine</c> returned, t1 when the READY frame arrived. Where the time goes comes from the timestamps the modules
/// keep: the indexer's outbox row of the block (stored and published), the catalog's <c>MintsUpserted</c> row
/// (applied and published) and the intent's <c>updated_at</c> (READY in Postgres).
/// </summary>
internal static class IntentsBench
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <param name="args">[creators] [mints per creator]: 10 × 5 by default.</param>
    /// <returns>The process exit code: 0, or 1 when the bench could not run.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var creators = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var perCreator = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        try
        {
            var logs = Path.Combine(BenchAnvil.RepositoryRoot(), ".stack", "logs", "bench-intents");
            Console.WriteLine($"NftMarketplace intents benchmark — {creators} creators × {perCreator} mints, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {LoadAverage()}");
            Console.WriteLine("1/4 a fresh Anvil…");
            await using var anvil = await BenchAnvil.StartAsync(stateFile: null);

            Console.WriteLine($"2/4 a Host on fresh servers; its dev-chain bootstrap deploys the factory (starting them takes a minute; log in {logs})…");
            await using var infrastructure = await BenchInfrastructure.StartAsync();
            await using var host = await IndexerHost.StartAsync(infrastructure.ConnectionStrings, anvil.Rpc, Path.Combine(logs, "host.log"), new Dictionary<string, string?>
            {
                ["Registry:DevChain:Enabled"] = "true",
                // Every creator is one machine-local client: not throttled like an anonymous internet caller.
                ["GraphQL:RateLimit:PerUserPermits"] = "100000",
                ["GraphQL:RateLimit:PerIpPermits"] = "100000",
            });
            var database = infrastructure.ConnectionStrings["nftmarketplace"];
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await UntilAsync(connection, "SELECT count(*) FROM indexing.checkpoints WHERE chain_id = @chain", 1, "the chain's follower");

            Console.WriteLine($"3/4 {creators} creators: funded, signed in, a collection each to READY; {LoadAverage()}…");
            var graphQL = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
            var team = await Task.WhenAll(Enumerable.Range(0, creators).Select(async _ =>
            {
                var creator = await BenchCreator.SignInAsync(host.BaseAddress, anvil);
                var socket = await IntentSocket.ConnectAsync(graphQL, creator.AccessToken);
                var collection = await CreateCollectionAsync(creator, socket);
                return new Member(creator, socket, collection);
            }));

            try
            {
                Console.WriteLine($"4/4 {creators * perCreator} mint intents in one block, then {perCreator} blocks of {creators}; {LoadAverage()}…");
                await anvil.RpcAsync("evm_setAutomine", false);
                var oneBlock = await RoundAsync(anvil, connection, team, perCreator, blocks: 1, "a");
                var severalBlocks = await RoundAsync(anvil, connection, team, perCreator, blocks: perCreator, "b");
                await anvil.RpcAsync("evm_setAutomine", true);

                Console.WriteLine();
                Print($"{oneBlock.Count} mint intents mined in one block", oneBlock);
                Console.WriteLine();
                Print($"{severalBlocks.Count} mint intents mined in {perCreator} blocks of {creators}, each block mined as soon as its transactions were sent and tracked", severalBlocks);
                Console.WriteLine();
                Console.WriteLine("Goal (chain-pipeline.md §5): block mined → READY frame p50 ≤ 100 ms, p99 ≤ 250 ms.");
                Console.WriteLine($"Host log: {host.Log.Describe()}. Finished; {LoadAverage()}.");
                return 0;
            }
            finally
            {
                foreach (var member in team)
                {
                    await member.Socket.DisposeAsync();
                    member.Creator.Dispose();
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("bench intents: " + ex.Message);
            return 1;
        }
    }

    private static async Task<string> CreateCollectionAsync(BenchCreator creator, IntentSocket socket)
    {
        var prepared = (await creator.PostAsync(BenchCreator.PrepareCollection, new
        {
            input = new { chainId = BenchCreator.ChainId, standard = "ERC721", name = "Bench", symbol = "BNCH", royaltyReceiver = creator.Address, royaltyBps = 500 },
        })).GetProperty("prepareCreateCollection");
        var intent = prepared.GetProperty("intent").GetProperty("id").GetString()!;
        await socket.SubscribeAsync("collection", IntentSocket.OnCollectionStatus, intent);
        var hash = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await creator.PostAsync(BenchCreator.TrackCollection, new { input = new { intentId = intent, chainId = BenchCreator.ChainId, txHash = hash } });
        await socket.ArrivalAsync("collection", "READY").WaitAsync(Patience);
        return prepared.GetProperty("previewAddress").GetString()!;
    }

    /// <summary>
    /// Every member mints <paramref name="perCreator"/> tokens, one per intent, in <paramref name="blocks"/> blocks: per
    /// block each member prepares, subscribes, sends and tracks its share (until PENDING is pushed), then the block is mined.
    /// </summary>
    private static async Task<List<Timing>> RoundAsync(BenchAnvil anvil, NpgsqlConnection connection, Member[] team, int perCreator, int blocks, string round)
    {
        var sent = new List<(Member Member, string Operation, string TxHash, int Block)>();
        var mined = new List<(long Ticks, DateTimeOffset Utc)>();
        var perBlock = perCreator / blocks;
        for (var block = 0; block < blocks; block++)
        {
            var first = block * perBlock;
            var batch = await Task.WhenAll(team.Select(async member =>
            {
                var mine = new List<(Member, string, string, int)>();
                for (var i = first; i < (block == blocks - 1 ? perCreator : first + perBlock); i++)
                {
                    var operation = string.Create(CultureInfo.InvariantCulture, $"{round}{i}");
                    mine.Add((member, operation, await MintAsync(member, operation, i), block));
                }

                return mine;
            }));
            sent.AddRange(batch.SelectMany(b => b));

            await anvil.RpcAsync("evm_mine");
            mined.Add((Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow));
        }

        var timings = new List<Timing>();
        foreach (var (member, operation, hash, block) in sent)
        {
            var ready = await member.Socket.ArrivalAsync(operation, "READY").WaitAsync(Patience);
            timings.Add(new Timing(hash, mined[block].Utc, Stopwatch.GetElapsedTime(mined[block].Ticks, ready).TotalMilliseconds));
        }

        return await WithHopsAsync(connection, timings);
    }

    /// <summary>prepareMint721 of one token, onMintStatus, sign and send, trackMintTx; returns the hash once PENDING was pushed.</summary>
    private static async Task<string> MintAsync(Member member, string operation, int n)
    {
        var (creator, socket) = (member.Creator, member.Socket);
        var prepared = (await creator.PostAsync(BenchCreator.PrepareMint721, new
        {
            input = new { chainId = BenchCreator.ChainId, contract = member.Collection, items = new[] { new { uri = $"ipfs://bafkreibench/{operation}-{n}.json" } } },
        })).GetProperty("prepareMint721");
        var intent = prepared.GetProperty("intent").GetProperty("id").GetString()!;
        await socket.SubscribeAsync(operation, IntentSocket.OnMintStatus, intent);
        var hash = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await creator.PostAsync(BenchCreator.TrackMint, new { input = new { intentId = intent, chainId = BenchCreator.ChainId, txHash = hash, contract = member.Collection } });
        await socket.ArrivalAsync(operation, "PENDING").WaitAsync(Patience);
        return hash.ToLowerInvariant();
    }

    /// <summary>Adds to each timing when each module's part was done, from the timestamps the modules keep.</summary>
    private static async Task<List<Timing>> WithHopsAsync(NpgsqlConnection connection, List<Timing> timings)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT h,
              (SELECT min(occurred_at) FROM indexing.outbox_messages WHERE schema = @minted AND payload::text LIKE '%' || h || '%'),
              (SELECT min(published_at) FROM indexing.outbox_messages WHERE schema = @minted AND payload::text LIKE '%' || h || '%'),
              (SELECT min(occurred_at) FROM catalog.outbox_messages WHERE schema = @upserted AND payload::text LIKE '%' || h || '%'),
              (SELECT min(published_at) FROM catalog.outbox_messages WHERE schema = @upserted AND payload::text LIKE '%' || h || '%'),
              (SELECT min(updated_at) FROM orchestration.tx_intents WHERE tx_hash = h AND status = 'READY')
            FROM unnest(@hashes::text[]) AS h
            """, connection);
        command.Parameters.AddWithValue("minted", TokensMinted.Schema);
        command.Parameters.AddWithValue("upserted", MintsUpserted.Schema);
        command.Parameters.AddWithValue("hashes", timings.Select(t => t.TxHash).ToArray());
        var hops = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        var byHash = timings.ToDictionary(t => t.TxHash, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var mined = byHash[reader.GetString(0)].Mined;
                hops[reader.GetString(0)] = [.. Enumerable.Range(1, 5).Select(i => reader.IsDBNull(i) ? (double?)null : (reader.GetFieldValue<DateTimeOffset>(i) - mined).TotalMilliseconds)];
            }
        }

        return [.. timings.Select(t => t with { Hops = hops[t.TxHash] })];
    }

    private static void Print(string title, List<Timing> timings)
    {
        Console.WriteLine($"## {title} (ms after the block was mined; t0 = evm_mine returned)");
        Console.WriteLine();
        Console.WriteLine("| what | ms p50 | ms p95 | ms p99 | ms max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        string[] hops =
        [
            "indexer: block stored in indexing.raw_events, its TokensMinted in the outbox",
            "indexer: TokensMinted published to RabbitMQ",
            "catalog: mint applied, its MintsUpserted in the outbox",
            "catalog: MintsUpserted published to RabbitMQ",
            "orchestration: intent READY in Postgres",
        ];
        for (var i = 0; i < hops.Length; i++)
        {
            Row(hops[i], [.. timings.Select(t => t.Hops[i]).OfType<double>()]);
        }

        Row("**READY frame received on the creator's WebSocket**", [.. timings.Select(t => t.Frame)]);

        static void Row(string what, double[] values)
        {
            if (values.Length == 0)
            {
                Console.WriteLine($"| {what} | – | – | – | – |");
                return;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {Percentile(values, 50):0} | {Percentile(values, 95):0} | {Percentile(values, 99):0} | {values.Max():0} |"));
        }
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>Polls <paramref name="sql"/> (one number) until it reaches <paramref name="target"/>.</summary>
    private static async Task UntilAsync(NpgsqlConnection connection, string sql, long target, string what)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("chain", BenchCreator.ChainId);
        var deadline = Stopwatch.StartNew();
        while (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < target)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static string LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        var load = File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"load average {load} on {Environment.ProcessorCount} cores");
    }

    private sealed record Member(BenchCreator Creator, IntentSocket Socket, string Collection);

    private sealed record Timing(string TxHash, DateTimeOffset Mined, double Frame)
    {
        /// <summary>Milliseconds after <see cref="Mined"/> of each hop (null when its row is gone); see <see cref="Print"/>.</summary>
        public double?[] Hops { get; init; } = [];
    }
}
