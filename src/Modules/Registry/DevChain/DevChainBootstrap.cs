using System.Diagnostics;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Registry.Domain;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry.DevChain;

/// <summary>What one bootstrap run did.</summary>
internal sealed record DevChainBootstrapResult(ChainId ChainId, IReadOnlyList<string> Deployed, Address Factory, long FactoryStartBlock, bool RegistryChanged, TimeSpan Elapsed);

/// <summary>
/// Makes the local chain usable: deploys the two collection implementations and the factory through the CREATE2
/// proxy when their code is not there yet, then upserts the chain, its endpoint (the <c>chain</c> connection string)
/// and the three contracts in the registry. Idempotent; replicas starting together serialise on a Postgres advisory lock.
/// </summary>
internal sealed partial class DevChainBootstrap(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<DevChainOptions> options,
    TimeProvider time,
    ILogger<DevChainBootstrap> logger)
{
    /// <summary>Advisory lock key: "registry.devchain" folded to 64 bits, constant across processes.</summary>
    private const long LockKey = 0x7265_6769_7374_7279;

    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(100);

    public async Task<DevChainBootstrapResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var rpc = configuration.GetConnectionString("chain")
            ?? throw new InvalidOperationException("ConnectionStrings:chain is missing.");

        var reader = new Web3(rpc);
        var chainNumber = (long)(await reader.Eth.ChainId.SendRequestAsync()).Value;
        if (chainNumber != options.Value.ChainNumber)
        {
            throw new InvalidOperationException(
                $"The chain at ConnectionStrings:chain has id {chainNumber}, not {options.Value.ChainNumber} (Registry:DevChain:ChainNumber); nothing deployed.");
        }

        var chainId = ChainId.Eip155(chainNumber);
        var web3 = new Web3(new Account(options.Value.DeployerKey, chainNumber), rpc);
        web3.TransactionManager.UseLegacyAsDefault = false;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [LockKey], cancellationToken);
            try
            {
                var plan = DeterministicDeployment.Plan();
                await EnsureProxyAsync(web3);
                var deployed = new List<string>();
                var startBlocks = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var contract in plan.All)
                {
                    if (await HasCodeAsync(web3, contract.Address, block: null))
                    {
                        continue;
                    }

                    if (await DeployAsync(web3, contract, cancellationToken) is { } block)
                    {
                        startBlocks[contract.Name] = block;
                        deployed.Add(contract.Name);
                    }
                }

                var changed = await UpsertAsync(db, web3, chainId, rpc, plan, startBlocks, cancellationToken);
                var chain = await db.Chains.AsNoTracking().Include(c => c.Contracts).SingleAsync(c => c.Caip2 == chainId.Value, cancellationToken);
                var factoryRow = chain.Contracts.Single(c => c.Name == plan.Factory.Name);
                var elapsed = time.GetElapsedTime(started);
                LogBootstrapped(chainId.Value, plan.Factory.Address.ToChecksumString(), deployed.Count, changed, elapsed.TotalMilliseconds);
                return new DevChainBootstrapResult(chainId, deployed, plan.Factory.Address, factoryRow.StartBlock, changed, elapsed);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [LockKey], CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EnsureProxyAsync(Web3 web3)
    {
        if (!await HasCodeAsync(web3, Address.Parse(DeterministicDeployment.Proxy), block: null))
        {
            // Anvil preinstalls it; a node started without it gets it the Anvil way.
            LogInstallingProxy(DeterministicDeployment.Proxy);
            await web3.Client.SendRequestAsync<object>("anvil_setCode", null, DeterministicDeployment.Proxy, DeterministicDeployment.ProxyRuntimeCode);
        }
    }

    private static async Task<bool> HasCodeAsync(Web3 web3, Address address, long? block)
    {
        var code = block is { } number
            ? await web3.Eth.GetCode.SendRequestAsync(address.Value, new BlockParameter(new HexBigInteger(number)))
            : await web3.Eth.GetCode.SendRequestAsync(address.Value);
        return code is { Length: > 2 };
    }

    /// <summary>The block <paramref name="contract"/> was deployed in, or null when another deployer won the race.</summary>
    private async Task<long?> DeployAsync(Web3 web3, PlannedContract contract, CancellationToken cancellationToken)
    {
        var input = new TransactionInput
        {
            From = web3.TransactionManager.Account.Address,
            To = DeterministicDeployment.Proxy,
            Data = contract.CallData,
        };
        try
        {
            input.Gas = new HexBigInteger((await web3.TransactionManager.EstimateGasAsync(input)).Value * 5 / 4);
        }
        catch (RpcResponseException) when (!cancellationToken.IsCancellationRequested)
        {
            // The estimate reverts once the same bytes are deployed; another deployer may have just done it.
            if (!await HasCodeAsync(web3, contract.Address, block: null))
            {
                throw;
            }

            LogDeployedByAnother(contract.Name, contract.Address.ToChecksumString());
            return null;
        }

        var hash = await web3.TransactionManager.SendTransactionAsync(input);
        TransactionReceipt? receipt;
        while ((receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash)) is null)
        {
            await Task.Delay(ReceiptPoll, time, cancellationToken);
        }

        var hasCode = await HasCodeAsync(web3, contract.Address, block: null);
        if (receipt.Status?.Value != BigInteger.One && hasCode)
        {
            // The address is deterministic: a Host on another database (its own advisory lock) sharing this chain
            // deployed the same bytes first, and CREATE2 refused ours. Its deployment block is looked up later.
            LogDeployedByAnother(contract.Name, contract.Address.ToChecksumString());
            return null;
        }

        if (receipt.Status?.Value != BigInteger.One || !hasCode)
        {
            throw new InvalidOperationException($"Deploying {contract.Name} to {contract.Address} failed (transaction {hash}).");
        }

        LogDeployed(contract.Name, contract.Address.ToChecksumString(), (long)receipt.BlockNumber.Value);
        return (long)receipt.BlockNumber.Value;
    }

    /// <summary>
    /// The block a contract found on chain was deployed in, by bisecting <c>eth_getCode</c> over history; 0 when the node
    /// cannot answer for old blocks (indexing from genesis is always correct, only slower).
    /// </summary>
    private static async Task<long> FindDeploymentBlockAsync(Web3 web3, Address address)
    {
        try
        {
            long low = 0, high = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (await HasCodeAsync(web3, address, middle))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }
        catch (Nethereum.JsonRpc.Client.RpcResponseException)
        {
            return 0;
        }
    }

    private async Task<bool> UpsertAsync(
        RegistryDbContext db, Web3 web3, ChainId chainId, string rpc, DeploymentPlan plan, Dictionary<string, long> startBlocks, CancellationToken cancellationToken)
    {
        var chain = await db.Chains.Include(c => c.Endpoints).Include(c => c.Contracts).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Caip2 == chainId.Value, cancellationToken);
        var changed = false;
        if (chain is null)
        {
            chain = new Chain
            {
                Caip2 = chainId.Value,
                ChainNumber = chainId.ToEip155Number(),
                Name = options.Value.ChainName,
                NativeSymbol = "ETH",
                Decimals = 18,
                ConfirmationsRequired = 1,
                Enabled = true,
            };
            db.Chains.Add(chain);
            changed = true;
        }

        if (!chain.Endpoints.Any(e => e.Url == rpc))
        {
            chain.Endpoints.Add(new ChainEndpoint { Url = rpc, Priority = 0, Weight = 1, Active = true });
            changed = true;
        }

        foreach (var contract in plan.All)
        {
            var address = contract.Address.ToChecksumString();
            var row = chain.Contracts.FirstOrDefault(c => c.Name == contract.Name);
            if (row is not null && row.Address == address && !startBlocks.ContainsKey(contract.Name))
            {
                continue;
            }

            var startBlock = startBlocks.TryGetValue(contract.Name, out var block) ? block : await FindDeploymentBlockAsync(web3, contract.Address);
            if (row is null)
            {
                chain.Contracts.Add(new ChainContract { Name = contract.Name, Address = address, StartBlock = startBlock, VerifiedAt = time.GetUtcNow() });
            }
            else
            {
                (row.Address, row.StartBlock, row.VerifiedAt) = (address, startBlock, time.GetUtcNow());
            }

            changed = true;
        }

        if (changed)
        {
            chain.Touch(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    [LoggerMessage(LogLevel.Information, "Dev chain {ChainId}: factory at {Factory}, {Deployed} contract(s) deployed, registry changed: {Changed}; took {ElapsedMs:F0} ms")]
    private partial void LogBootstrapped(string chainId, string factory, int deployed, bool changed, double elapsedMs);

    [LoggerMessage(LogLevel.Information, "Deployed {Contract} at {Address} in block {Block}")]
    private partial void LogDeployed(string contract, string address, long block);

    [LoggerMessage(LogLevel.Warning, "The CREATE2 deployment proxy {Proxy} has no code; installing it with anvil_setCode")]
    private partial void LogInstallingProxy(string proxy);

    [LoggerMessage(LogLevel.Information, "{Contract} at {Address} was deployed by another deployer at the same time; using it")]
    private partial void LogDeployedByAnother(string contract, string address);
}

/// <summary>Runs <see cref="DevChainBootstrap"/> once at start-up when <c>Registry:DevChain:Enabled</c> (Development by default).</summary>
internal sealed partial class DevChainBootstrapService(DevChainBootstrap bootstrap, ILogger<DevChainBootstrapService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bootstrap.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A dev convenience must not take the Host down; the failure is logged with its cause.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "Dev chain bootstrap failed; the factory is not deployed or not registered")]
    private partial void LogFailed(Exception exception);
}
