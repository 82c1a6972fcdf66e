using Microsoft.EntityFrameworkCore;
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
