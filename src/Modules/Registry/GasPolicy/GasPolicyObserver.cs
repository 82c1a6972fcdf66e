using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>
/// Keeps every enabled chain's gas policy current. Each replica observes on its own; the result is the same
/// whichever writes last, so no lease is needed. A chain that cannot be reached is logged and tried next round.
/// </summary>
internal sealed partial class GasPolicyObserver(IServiceScopeFactory scopes, IOptions<GasPolicyOptions> options, ILogger<GasPolicyObserver> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            await ObserveAllAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ObserveAllAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ChainDto> chains;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            chains = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetChains(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogListFailed(ex);
            return;
        }

        foreach (var chain in chains.Where(c => c.Enabled))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GasPolicyObservation>()
                    .ObserveAsync(ChainId.Parse(chain.Id), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogObserveFailed(ex, chain.Id);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not list chains to observe their gas prices")]
    private partial void LogListFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Could not observe the gas prices of {Chain}; trying again next round")]
    private partial void LogObserveFailed(Exception exception, string chain);
}
