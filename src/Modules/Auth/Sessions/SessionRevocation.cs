using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.WebSockets;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// Ends sessions for everyone at once: <c>session:blacklist:{sid}</c> in Redis until the session's last access token
/// has expired, and every open WebSocket of the session closed on every replica. The database row (revoked_at) is the
/// caller's to change, in its unit of work.
/// </summary>
internal sealed partial class SessionBlacklist(
    RedisFastPath redis,
    IConnectionRegistry sockets,
    IOptions<SessionOptions> sessions,
    ILogger<SessionBlacklist> logger)
{
    public async Task RevokeAsync(IEnumerable<Guid> sessionIds, CancellationToken cancellationToken)
    {
        // Long enough for any token issued before the revocation to expire, whatever the clock skew.
        var ttl = sessions.Value.AccessTokenLifetime + AccessTokenOptions.MaxClockSkew;
        foreach (var sessionId in sessionIds)
        {
            if (!await redis.TryRunAsync(store => store.StringSetAsync(RedisKeys.SessionBlacklist(sessionId), "1", ttl), cancellationToken).ConfigureAwait(false))
            {
                // Not lost: while Redis is unreachable the revocation check reads revoked_at from Postgres.
                LogBlacklistFailed(sessionId);
            }

            await sockets.CloseSessionAsync(sessionId.ToString("D"), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not blacklist session {SessionId} in Redis; revocation checks fall back to Postgres while it is down")]
    private partial void LogBlacklistFailed(Guid sessionId);
}

/// <summary>
/// The gateway's revocation check for every access token: Redis first (one EXISTS), Postgres when Redis cannot
/// answer, so a revoked session is never accepted because a cache was down. A <c>sid</c> that is not one of our
/// session ids is refused.
/// </summary>
internal sealed class SessionRevocationCheck(RedisFastPath redis, IServiceScopeFactory scopes) : ISessionRevocationCheck
{
    public async ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(sessionId, out var id))
        {
            return true;
        }

        var (answered, blacklisted) = await redis.TryAsync(store => store.KeyExistsAsync(RedisKeys.SessionBlacklist(id)), cancellationToken).ConfigureAwait(false);
        if (answered)
        {
            return blacklisted;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        return await db.Sessions.AsNoTracking().AnyAsync(s => s.SessionId == id && s.RevokedAt != null, cancellationToken).ConfigureAwait(false);
    }
}
