using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// Runs a follower for every enabled EVM chain of the registry, re-reading the registry every
/// <c>Indexing:ChainRefreshInterval</c> so a chain enabled (or a factory registered) at run time is picked up within it,
/// and a disabled chain's follower stops. Each follower first takes its chain's lease: with several replicas, one
/// follows and the others keep trying, ready to take over.
/// </summary>
internal sealed partial class FollowerSupervisor(
    IServiceScopeFactory scopes,
    IChainRpcClientFactory clients,
    IChainEndpointSource endpoints,
    IConfiguration configuration,
    IOptions<FollowerOptions> options,
    FollowerStatusBoard board,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Followed> _followed = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<FollowerSupervisor>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.ChainRefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var followed in _followed.Values)
            {
                await followed.Cancellation.CancelAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(_followed.Values.Select(f => f.Running)).ConfigureAwait(false);
            foreach (var followed in _followed.Values)
            {
                followed.Cancellation.Dispose();
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, (int Confirmations, IReadOnlyList<(string, long)> Factories)>(StringComparer.Ordinal);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            foreach (var chain in await sender.Send(new GetChains(), cancellationToken).ConfigureAwait(false))
            {
                if (!chain.Enabled || !ChainId.TryParse(chain.Id, out var id) || !id.IsEip155)
                {
                    continue;
                }

                var contracts = await sender.Send(new GetContracts(id), cancellationToken).ConfigureAwait(false);
                wanted[chain.Id] = (chain.ConfirmationsRequired, [.. contracts
                    .Where(c => c.Name == ContractNames.NftFactory)
                    .Select(c => (c.Address.ToLowerInvariant(), Math.Max(0, c.StartBlock)))]);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRegistryFailed(ex);
            return;
        }

        foreach (var (chainId, settings) in wanted)
        {
            var followed = _followed.GetOrAdd(chainId, id => Start(id, cancellationToken));
            followed.Confirmations = settings.Confirmations;
            followed.Factories = settings.Factories;
        }

        foreach (var (chainId, followed) in _followed.Where(f => !wanted.ContainsKey(f.Key)).ToList())
        {
            await followed.Cancellation.CancelAsync().ConfigureAwait(false);
            await followed.Running.ConfigureAwait(false);
            followed.Cancellation.Dispose();
            _followed.TryRemove(chainId, out _);
            board.Remove(chainId);
        }
    }

    private Followed Start(string chainId, CancellationToken stoppingToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var followed = new Followed(cancellation);
        followed.Running = Task.Run(() => FollowAsync(ChainId.Parse(chainId), followed, cancellation.Token), CancellationToken.None);
        return followed;
    }

    /// <summary>Takes the chain's lease when it can and follows while it holds it; stops for good when the chain halts.</summary>
    private async Task FollowAsync(ChainId chain, Followed followed, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(ModuleDbContextOptions.ConnectionName)!;
        var settings = options.Value;
        var data = new ChainData(clients.GetClient(chain), settings);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var lease = await ChainLease.TryAcquireAsync(connectionString, chain.Value, cancellationToken).ConfigureAwait(false);
                if (lease is null)
                {
                    board.Update(chain.Value, s => s with { HoldsLease = false });
                    await Task.Delay(settings.LeaseRetryInterval, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await using (lease.ConfigureAwait(false))
                {
                    LogFollowing(chain.Value);
                    // Only the lease holder subscribes to new heads, for as long as it follows.
                    using var heads = new HeadSignal();
                    using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var watcher = settings.NewHeads
                        ? Task.Run(() => new HeadWatcher(chain, endpoints, heads, settings, time, loggers.CreateLogger<HeadWatcher>()).RunAsync(watching.Token), CancellationToken.None)
                        : Task.CompletedTask;
                    try
                    {
                        var follower = new ChainFollower(
                            chain, () => followed.Confirmations, lease, data, scopes, settings, board, heads, time, loggers.CreateLogger<ChainFollower>());
                        await follower.RunAsync(() => followed.Factories, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        await watching.CancelAsync().ConfigureAwait(false);
                        await watcher.ConfigureAwait(false);
                    }
                }

                board.Update(chain.Value, s => s with { HoldsLease = false });
            }
            catch (FollowerHaltedException ex)
            {
                board.Update(chain.Value, s => s with { HoldsLease = false, Halted = ex.Message });
                LogHalted(chain.Value, ex.Message);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                board.Update(chain.Value, s => s with { HoldsLease = false });
                LogFollowFailed(ex, chain.Value);
                try
                {
                    await Task.Delay(settings.LeaseRetryInterval, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not read the registry's chains; following the known ones and trying again")]
    private partial void LogRegistryFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "This replica follows {Chain}")]
    private partial void LogFollowing(string chain);

    [LoggerMessage(LogLevel.Warning, "Following {Chain} failed; the lease is released and taken again")]
    private partial void LogFollowFailed(Exception exception, string chain);

    [LoggerMessage(LogLevel.Critical,
        "The follower of {Chain} STOPPED: {Reason} Nothing more of this chain is published, and /health reports Degraded. "
        + "Check the chain's RPC endpoints (a node on a wrong or private fork causes this). To index the chain again, delete its rows "
        + "from indexing.checkpoints, indexing.block_hashes and indexing.raw_events, clear indexing.chain_stats.halted_reason, "
        + "rebuild what consumers derived from it, and restart the Host.")]
    private partial void LogHalted(string chain, string reason);

    private sealed class Followed(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Running { get; set; } = Task.CompletedTask;

        public volatile int Confirmations = 1;

        public volatile IReadOnlyList<(string, long)> Factories = [];
    }
}
