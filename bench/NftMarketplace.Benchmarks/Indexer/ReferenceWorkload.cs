using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Web3;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// The reference workload of <c>chain-pipeline.md</c> §5: one ERC-721 collection (the repository's, created through
/// its factory by Anvil's account 0); 500 <c>mintBatch</c> of 200 tokens to five accounts in turn, each followed by
/// two single <c>transferFrom</c> among them — one transaction per block, 101,000 <c>Transfer</c> logs in 1,500
/// blocks — then 64 empty blocks. Generating it takes minutes (each block costs more as the state grows), so it is
/// built once and kept as an Anvil state (<c>anvil_dumpState</c>, loaded with <c>--load-state</c>) in a cache
/// directory outside the repository: <c>NFT_BENCH_CACHE</c>, else <c>$XDG_CACHE_HOME/nftmarketplace</c>, else
/// <c>~/.cache/nftmarketplace</c>.
/// </summary>
internal sealed record ReferenceWorkload(string Collection, long FromBlock, long Head, int Logs, int TransferLogs)
{
    public const int Batches = 500;
    public const int BatchSize = 200;
    public const int TransfersPerBatch = 2;
    public const int EmptyBlocks = 64;

    // Bumped whenever the workload changes, so an old cache is never mistaken for it.
    private const string Version = "v1";

    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    public static string StateFile => Path.Combine(CacheDirectory, $"indexer-workload-{Version}.state.json");

    private static string MetaFile => Path.Combine(CacheDirectory, $"indexer-workload-{Version}.json");

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("NFT_BENCH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                    ? cache
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "nftmarketplace");

    /// <summary>The cached workload, or a new one generated on a fresh Anvil and cached.</summary>
    public static async Task<ReferenceWorkload> LoadOrBuildAsync(TextWriter log)
    {
        if (File.Exists(MetaFile) && JsonSerializer.Deserialize<ReferenceWorkload>(await File.ReadAllTextAsync(MetaFile)) is { } cached
            && File.Exists(StateFile))
        {
            log.WriteLine($"   cached in {StateFile}");
            return cached;
        }

        Directory.CreateDirectory(CacheDirectory);
        log.WriteLine($"   not cached yet: generating it on a fresh Anvil (takes minutes, once) into {CacheDirectory}");
        await using var anvil = await BenchAnvil.StartAsync(stateFile: null);
        var workload = await GenerateAsync(anvil, log);

        var dump = (await anvil.RpcAsync("anvil_dumpState")).GetString()!;
        await using (var compressed = new MemoryStream(dump.HexToByteArray()))
        await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
        await using (var file = File.Create(StateFile))
        {
            await gzip.CopyToAsync(file);
        }

        await File.WriteAllTextAsync(MetaFile, JsonSerializer.Serialize(workload));
        return workload;
    }

    private static async Task<ReferenceWorkload> GenerateAsync(BenchAnvil anvil, TextWriter log)
    {
        var accounts = (await anvil.RpcAsync("eth_accounts")).EnumerateArray().Select(a => a.GetString()!).ToArray();
        var deployer = accounts[0];
        var holders = accounts[1..6];

        // The factory and a collection created through it, as a creator does; its creation block is where it starts.
        var web3 = new Web3(anvil.Rpc.ToString());
        var implementation721 = await DeployAsync(web3, new Collection721Deployment { FromAddress = deployer });
        var implementation1155 = await DeployAsync(web3, new Collection1155Deployment { FromAddress = deployer });
        var factory = await DeployAsync(web3, new NftFactoryDeployment
        {
            FromAddress = deployer, Implementation721 = implementation721, Implementation1155 = implementation1155,
        });
        var receipt = await web3.Eth.GetContractHandler(factory).SendRequestAndWaitForReceiptAsync(new CreateCollectionFunction
        {
            FromAddress = deployer,
            Standard = (byte)TokenStandard.Erc721,
            Config = new CollectionConfig { Name = "Indexer Bench", Symbol = "BENCH", ContractUri = "ipfs://bench/collection.json" },
            Salt = new byte[32],
        });
        var collection = receipt.DecodeAllEvents<CollectionCreatedEvent>().Single().Event.Collection.ToLowerInvariant();
        var fromBlock = (long)receipt.BlockNumber.Value;

        // One transaction per block: mined by hand, each on its own.
        await anvil.RpcAsync("evm_setAutomine", false);
        var owners = new List<int> { -1 };
        var random = new Random(1);
        var uris = Enumerable.Repeat("", BatchSize).ToList();
        for (var batch = 0; batch < Batches; batch++)
        {
            var to = batch % holders.Length;
            await SendAsync(anvil, deployer, collection, new MintBatch721Function { To = holders[to], Uris = uris }.GetCallData(), 29_000_000);
            owners.AddRange(Enumerable.Repeat(to, BatchSize));
            for (var i = 0; i < TransfersPerBatch; i++)
            {
                var token = random.Next(1, owners.Count);
                var from = owners[token];
                var next = (from + 1 + random.Next(holders.Length - 1)) % holders.Length;
                await SendAsync(anvil, holders[from], collection,
                    new TransferFromFunction { From = holders[from], To = holders[next], TokenId = token }.GetCallData(), 200_000);
                owners[token] = next;
            }

            if ((batch + 1) % 50 == 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {batch + 1}/{Batches} batches"));
            }
        }

        await anvil.RpcAsync("evm_setAutomine", true);
        await anvil.RpcAsync("anvil_mine", EmptyBlocks);
        var head = await anvil.HeadAsync();

        var logs = await anvil.RpcAsync("eth_getLogs", new { address = collection, fromBlock = BenchAnvil.Hex(fromBlock), toBlock = BenchAnvil.Hex(head) });
        var transfers = logs.EnumerateArray().Count(l => l.GetProperty("topics")[0].GetString() == TransferTopic);
        const int Expected = (Batches * BatchSize) + (Batches * TransfersPerBatch);
        if (transfers != Expected)
        {
            throw new InvalidOperationException($"the generated workload has {transfers} Transfer logs instead of {Expected}: a transaction failed.");
        }

        return new ReferenceWorkload(collection, fromBlock, head, logs.GetArrayLength(), transfers);
    }

    private static async Task SendAsync(BenchAnvil anvil, string from, string to, byte[] data, long gas)
    {
        var hash = (await anvil.RpcAsync("eth_sendTransaction", new { from, to, data = data.ToHex(true), gas = BenchAnvil.Hex(gas) })).GetString();
        await anvil.RpcAsync("evm_mine");
        var receipt = await anvil.RpcAsync("eth_getTransactionReceipt", hash);
        if (receipt.GetProperty("status").GetString() != "0x1")
        {
            throw new InvalidOperationException($"transaction {hash} of the workload reverted.");
        }
    }

    private static async Task<string> DeployAsync<TDeployment>(Web3 web3, TDeployment deployment)
        where TDeployment : ContractDeploymentMessage, new()
    {
        var receipt = await web3.Eth.GetContractDeploymentHandler<TDeployment>().SendRequestAndWaitForReceiptAsync(deployment);
        return receipt.Status.Value == BigInteger.One ? receipt.ContractAddress : throw new InvalidOperationException($"deploying {typeof(TDeployment).Name} failed.");
    }
}
