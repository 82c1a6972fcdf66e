using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.Blocks;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.Modules.Indexing.Decoding;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// What a follower reads from its chain, all through the chain client (failover, budgets, circuit breakers): the head,
/// logs over block ranges (concurrent requests, adaptive ranges split when the provider refuses them) and block headers
/// (batched JSON-RPC).
/// </summary>
internal sealed class ChainData(ChainRpcClient client, FollowerOptions options)
{
    // What providers answer when a query is too large for them (Alchemy, Infura, QuickNode, geth, Erigon, Anvil, …).
    private static readonly string[] TooLargeMarkers =
        ["more than", "block range", "range too large", "too many blocks", "too many results", "response size", "query returned more", "limit"];

    private readonly RangeSizer _sizer = new(options.InitialLogRange, options.MaxLogRange, options.TargetLogsPerRequest);

    public RangeSizer Sizer => _sizer;

    public ChainRpcClient Client => client;

    public Task<long> HeadAsync(CancellationToken cancellationToken) => client.GetBlockNumberAsync(cancellationToken);

    /// <summary>
    /// Every log of <paramref name="addresses"/> in [<paramref name="from"/>, <paramref name="to"/>], in chain order
    /// (block number, log index). Logs the node marks <c>removed</c> are not returned.
    /// </summary>
    public async Task<List<ChainLog>> LogsAsync(long from, long to, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0 || to < from)
        {
            return [];
        }

        var found = new ConcurrentBag<ChainLog>();
        var chunks = addresses.Chunk(options.MaxAddressesPerFilter).ToList();
        var requests = _sizer.Windows(from, to, options.MaxConcurrentRequests).SelectMany(w => chunks.Select(chunk => (w.From, w.To, Addresses: chunk))).ToList();
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (request, token) =>
            {
                foreach (var log in await WindowAsync(request.From, request.To, request.Addresses, token).ConfigureAwait(false))
                {
                    found.Add(log);
                }
            }).ConfigureAwait(false);
        return [.. found.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex)];
    }

    /// <summary>Headers of <paramref name="numbers"/>, in JSON-RPC batches; null for a block the node does not have.</summary>
    public async Task<Dictionary<long, BlockHeader?>> HeadersAsync(IEnumerable<long> numbers, CancellationToken cancellationToken)
    {
        var wanted = numbers.Where(n => n >= 0).Distinct().Order().ToList();
        var headers = new ConcurrentDictionary<long, BlockHeader?>();
        await Parallel.ForEachAsync(
            wanted.Chunk(options.RpcBatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                foreach (var (number, header) in await BatchAsync(batch).ConfigureAwait(false))
                {
                    headers[number] = header;
                }
            }).ConfigureAwait(false);
        return new Dictionary<long, BlockHeader?>(headers);
    }

    internal static bool IsTooLarge(ChainRpcErrorException error) =>
        !error.IsRevert && (error.Code == -32005 || TooLargeMarkers.Any(m => error.RpcMessage.Contains(m, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Every endpoint timed out: a range whose answer takes longer than an attempt may is too large as surely as one a
    /// provider refuses (which some do by never answering). A circuit that is open says nothing about the range.
    /// </summary>
    internal static bool TimedOut(ChainRpcException error) =>
        error is ChainUnavailableException && error.Attempts.Count > 0 && error.Attempts.All(a => a.Failure == ChainRpcFailureKind.Timeout);

    private async Task<List<ChainLog>> WindowAsync(long from, long to, string[] addresses, CancellationToken cancellationToken)
    {
        System.Text.Json.JsonDocument answer;
        try
        {
            answer = await client.GetLogsDocumentAsync(
                new NewFilterInput
                {
                    Address = addresses,
                    FromBlock = new BlockParameter(new HexBigInteger(from)),
                    ToBlock = new BlockParameter(new HexBigInteger(to)),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ChainRpcException ex) when ((ex is ChainRpcErrorException error ? IsTooLarge(error) : TimedOut(ex)) && _sizer.Split(from, to) is { } halves)
        {
            var result = new List<ChainLog>();
            foreach (var (start, end) in halves)
            {
                result.AddRange(await WindowAsync(start, end, addresses, cancellationToken).ConfigureAwait(false));
            }

            return result;
        }

        using (answer)
        {
            var logs = ReadLogs(answer.RootElement.GetProperty("result"), out var count);
            _sizer.Succeeded((int)Math.Min(int.MaxValue, to - from + 1), count);
            return logs;
        }
    }

    /// <summary>
    /// The logs of an <c>eth_getLogs</c> result (null: none), read straight from the JSON — a backfill's answers hold
    /// tens of thousands — except those the node marks <c>removed</c>; <paramref name="count"/> counts those too.
    /// </summary>
    internal static List<ChainLog> ReadLogs(System.Text.Json.JsonElement result, out int count)
    {
        if (result.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            count = 0;
            return [];
        }

        count = result.GetArrayLength();
        var logs = new List<ChainLog>(count);
        foreach (var log in result.EnumerateArray())
        {
            if (log.TryGetProperty("removed", out var removed) && removed.ValueKind == System.Text.Json.JsonValueKind.True)
            {
                continue;
            }

            var topics = log.TryGetProperty("topics", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(t => Lower(t))]
                : new List<string>();
            var data = log.TryGetProperty("data", out var bytes) ? Lower(bytes) : "";
            logs.Add(new ChainLog(
                Lower(log.GetProperty("address")),
                Quantity(log.GetProperty("blockNumber")),
                Lower(log.GetProperty("blockHash")),
                Lower(log.GetProperty("transactionHash")),
                (int)Quantity(log.GetProperty("logIndex")),
                topics,
                data.Length == 0 ? "0x" : data));
        }

        return logs;

        static string Lower(System.Text.Json.JsonElement text) => text.GetString()?.ToLowerInvariant() ?? "";

        static long Quantity(System.Text.Json.JsonElement hex) =>
            long.Parse(hex.GetString().AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private async Task<List<(long, BlockHeader?)>> BatchAsync(long[] numbers)
    {
        var handler = new EthGetBlockWithTransactionsHashesByNumber(client);
        var batch = new RpcRequestResponseBatch();
        var items = numbers
            .Select((number, index) => new RpcRequestResponseBatchItem<EthGetBlockWithTransactionsHashesByNumber, BlockWithTransactionHashes>(
                handler, handler.BuildRequest(new BlockParameter(new HexBigInteger(number)), index + 1)))
            .ToList();
        foreach (var item in items)
        {
            batch.BatchItems.Add(item);
        }

        await client.SendBatchRequestAsync(batch).ConfigureAwait(false);
        var result = new List<(long, BlockHeader?)>(numbers.Length);
        for (var i = 0; i < numbers.Length; i++)
        {
            var item = items[i];
            if (item.HasError)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture, $"eth_getBlockByNumber({numbers[i]}) on {client.Chain} failed: {item.RpcError?.Message}"));
            }

            result.Add((numbers[i], item.Response is { } block ? ToHeader(block) : null));
        }

        return result;
    }

    private static BlockHeader ToHeader(Block block) => new(
        (long)block.Number.Value,
        block.BlockHash.ToLowerInvariant(),
        block.ParentHash.ToLowerInvariant(),
        DateTimeOffset.FromUnixTimeSeconds((long)(BigInteger)block.Timestamp.Value));
}
