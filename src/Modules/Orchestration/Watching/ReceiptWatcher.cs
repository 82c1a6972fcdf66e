using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Watching;

/// <summary>
/// Moves intents along without anyone asking, every <c>Orchestration:Intents:WatchInterval</c>: PREPARED past its
/// deadline → EXPIRED; PENDING → CONFIRMED or FAILED once the chain says (<see cref="ReceiptInspector"/>). Each look
/// at the chain happens before the command that records it opens its transaction. Every replica watches; the row
/// lock in each command makes the first to record an outcome the only one. It also deletes readiness facts no intent
/// can track any more (kept longer than the longest deadline).
/// </summary>
internal sealed partial class ReceiptWatcher(
    IServiceScopeFactory scopes, ReceiptInspector inspector, IOptions<IntentOptions> options, TimeProvider time, ILogger<ReceiptWatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>A fact is kept for a PREPARED intent, which tracks or expires within its deadline; an hour of slack.</summary>
    private static readonly TimeSpan FactsKeptFor = TimeSpan.FromSeconds(IntentOptions.MaxDeadlineSeconds) + TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.WatchInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task WatchOnceAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestrationDbContext>();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var now = time.GetUtcNow();
            var staleBefore = now - FactsKeptFor;
            await db.ReadinessFacts.Where(f => f.ReceivedAt < staleBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var expired = await db.Intents.AsNoTracking()
                .Where(i => i.Status == IntentStatus.Prepared && i.DeadlineAt <= now)
                .OrderBy(i => i.DeadlineAt).Select(i => i.IntentId).Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var id in expired)
            {
                await sender.Send(new ExpireIntent(id), cancellationToken).ConfigureAwait(false);
            }

            var pending = await db.Intents.AsNoTracking()
                .Where(i => i.Status == IntentStatus.Pending)
                .OrderBy(i => i.UpdatedAt).Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var intent in pending)
            {
                Settlement? settlement;
                try
                {
                    settlement = await inspector.InspectAsync(intent, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // One chain down (or one odd receipt) must not hold up the others.
                    LogInspectFailed(ex, intent.IntentId, intent.ChainId);
                    continue;
                }

                if (settlement is not null)
                {
                    await sender.Send(new SettleIntent(intent.IntentId, settlement), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A pass of the intent receipt watcher failed; the next one retries")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Could not read the transaction of intent {IntentId} on {ChainId}; retried next pass")]
    private partial void LogInspectFailed(Exception exception, Guid intentId, string chainId);
}
