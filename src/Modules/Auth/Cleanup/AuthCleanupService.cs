using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Auth.Cleanup;

/// <summary>Runs <see cref="CleanUpAuthData"/> hourly on every replica; the deletes are idempotent.</summary>
internal sealed partial class AuthCleanupService(IServiceScopeFactory scopes, ILogger<AuthCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpAuthData(), stoppingToken).ConfigureAwait(false);
                LogCleaned(result.Nonces, result.RotatedRefreshTokens);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Auth clean-up deleted {Nonces} nonces and {RotatedRefreshTokens} rotated refresh tokens")]
    private partial void LogCleaned(int nonces, int rotatedRefreshTokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth clean-up failed; it runs again in an hour")]
    private partial void LogFailed(Exception exception);
}
