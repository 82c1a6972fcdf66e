using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NftMarketplace.Modules.Catalog.Traits;

/// <summary>
/// The debounced recompute of traits, trait counts and rarity: collections marked dirty (by the consumers when tokens
/// appear, disappear or change supply to or from 0, by the metadata fetcher when attributes change) are recomputed once
/// they have been dirty for <see cref="TraitsRecomputeOptions.Debounce"/>, so a burst of changes costs one pass. Every
/// replica runs it; each takes different collections.
/// </summary>
internal sealed partial class TraitsRecomputeWorker(
    IServiceScopeFactory scopes, IOptions<TraitsRecomputeOptions> options, ILogger<TraitsRecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var recomputed = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                recomputed = await scope.ServiceProvider.GetRequiredService<CollectionRecompute>()
                    .NextAsync(settings.Debounce, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
            }

            if (!recomputed)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Recomputing a collection's traits and rarity failed; it stays dirty and is tried again")]
    private partial void LogFailed(Exception exception);
}

/// <summary>The pace of the traits and rarity recompute (configuration <c>Catalog:Rarity</c>).</summary>
internal sealed class TraitsRecomputeOptions
{
    public const string Section = "Catalog:Rarity";

    /// <summary>How long a collection stays dirty before it is recomputed: changes within it are one recompute.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the worker looks for dirty collections when none was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    internal IEnumerable<string> Validate()
    {
        if (Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:{nameof(Debounce)} must be between 0 and 01:00:00 (got {Debounce}).";
        }

        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:{nameof(PollInterval)} must be more than 0 and at most 01:00:00 (got {PollInterval}).";
        }
    }
}
