using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Cleanup;

/// <summary>
/// Forgets what can no longer matter: nonces a day past their expiry (used or not), and the rotated refresh tokens of
/// sessions that ended — a session that cannot be refreshed any more has nothing left to detect. Sessions and
/// <c>login_events</c> stay: they are the audit.
/// </summary>
internal sealed record CleanUpAuthData : ICommand<CleanUpResult>;

internal sealed record CleanUpResult(int Nonces, int RotatedRefreshTokens);

internal sealed class CleanUpAuthDataHandler(AuthDbContext db, TimeProvider time) : IRequestHandler<CleanUpAuthData, CleanUpResult>
{
    /// <summary>Kept a while after expiry so the audit of a late attempt can still say "expired", not "unknown".</summary>
    public static readonly TimeSpan NonceRetention = TimeSpan.FromDays(1);

    public async Task<CleanUpResult> Handle(CleanUpAuthData request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nonceCutoff = now - NonceRetention;
        var nonces = await db.Nonces.Where(n => n.ExpiresAt < nonceCutoff).ExecuteDeleteAsync(cancellationToken);
        var rotated = await db.RotatedRefreshTokens
            .Where(t => db.Sessions.Any(s => s.SessionId == t.SessionId && (s.RevokedAt != null || s.ExpiresAt < now)))
            .ExecuteDeleteAsync(cancellationToken);
        return new CleanUpResult(nonces, rotated);
    }
}

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
