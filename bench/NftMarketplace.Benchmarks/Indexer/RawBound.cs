using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// The least any indexer must do to backfill a contract: <c>eth_getLogs</c> over its whole range, concurrently in
/// windows, and the headers (block hash, time) of the blocks that have logs, in JSON-RPC batches — plain HTTP and
/// <c>System.Text.Json</c>, nothing stored.
/// </summary>
internal static class RawBound
{
    /// <param name="concurrency">Requests in flight at once: the follower's <c>Indexing:MaxConcurrentRequests</c>.</param>
    /// <param name="batchSize">Headers per batch: the follower's <c>Indexing:RpcBatchSize</c>.</param>
    public static async Task<RawBoundResult> MeasureAsync(Uri rpc, string address, long from, long to, int concurrency, int batchSize)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = rpc, Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();

        // As many windows as keep every connection busy twice over: the follower's adaptive ranges end up no coarser.
        var windows = concurrency * 2;
        var span = ((to - from) / windows) + 1;
        var ranges = Enumerable.Range(0, windows).Select(i => (From: from + (i * span), To: Math.Min(to, from + ((i + 1) * span) - 1))).Where(r => r.From <= r.To).ToList();
        var blocks = new HashSet<long>();
        var logs = 0;
        var gate = new Lock();
        await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (range, token) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                jsonrpc = "2.0", id = 1, method = "eth_getLogs",
                @params = new[] { new { address, fromBlock = BenchAnvil.Hex(range.From), toBlock = BenchAnvil.Hex(range.To) } },
            });
            using var document = JsonDocument.Parse(await PostAsync(http, body, token));
            var found = document.RootElement.GetProperty("result").EnumerateArray().Select(l => BenchAnvil.Quantity(l.GetProperty("blockNumber"))).ToList();
            lock (gate)
            {
                logs += found.Count;
                blocks.UnionWith(found);
            }
        });
        var logsTime = clock.Elapsed;

        var batches = blocks.Order().Chunk(batchSize).ToList();
        var headers = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, token) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(batch.Select((n, i) => new
            {
                jsonrpc = "2.0", id = i, method = "eth_getBlockByNumber", @params = new object[] { BenchAnvil.Hex(n), false },
            }));
            using var document = JsonDocument.Parse(await PostAsync(http, body, token));
            var hashes = document.RootElement.EnumerateArray().Count(r => r.GetProperty("result").TryGetProperty("hash", out _));
            Interlocked.Add(ref headers, hashes);
        });

        return new RawBoundResult(clock.Elapsed, logsTime, logs, headers, ranges.Count, batches.Count);
    }

    private static async Task<byte[]> PostAsync(HttpClient http, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}

/// <summary>What the raw bound took: in all, and for the logs alone.</summary>
internal sealed record RawBoundResult(TimeSpan Elapsed, TimeSpan LogsElapsed, int Logs, int Headers, int LogRequests, int HeaderBatches);
