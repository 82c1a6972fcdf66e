using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.SignIn;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// Trades a refresh token for a new access token and a new refresh token. Every refresh token works once: presenting
/// one that was already rotated means it leaked (or a client replayed it), so the whole session is revoked.
/// </summary>
internal sealed record RefreshSession(string RefreshToken) : ICommand<AuthOutcome<AuthPayload>>
{
    public CallerInfo Client { get; init; } = CallerInfo.Unknown;
}

internal sealed class RefreshSessionHandler(
    AuthDbContext db,
    AccessTokenIssuer accessTokens,
    SessionBlacklist blacklist,
    LoginAudit audit,
    TimeProvider time) : IRequestHandler<RefreshSession, AuthOutcome<AuthPayload>>
{
    public async Task<AuthOutcome<AuthPayload>> Handle(RefreshSession request, CancellationToken cancellationToken)
    {
        if (RefreshTokens.Hash(request.RefreshToken) is not { } presented)
        {
            return Refuse(request, LoginResults.RefreshTokenUnknown, "The refresh token is not valid; sign in again.");
        }

        var now = time.GetUtcNow();
        var refreshToken = RefreshTokens.Create();
        var next = RefreshTokens.Hash(refreshToken)!;

        // One conditional UPDATE: of two concurrent refreshes with one token, exactly one rotates it.
        var rotated = await db.Sessions
            .Where(s => s.RefreshHash == presented && s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RefreshHash, next).SetProperty(s => s.LastUsedAt, now), cancellationToken);
        if (rotated == 1)
        {
            var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.RefreshHash == next, cancellationToken);
            db.RotatedRefreshTokens.Add(new RotatedRefreshToken { RefreshHash = presented, SessionId = session.SessionId, RotatedAt = now });
            audit.Record(LoginKinds.Refresh, LoginResults.Success, request.Client, session.AccountId, session.UserId, session.SessionId);
            var access = accessTokens.Issue(session.UserId, session.SessionId, session.Roles);
            return AuthOutcome<AuthPayload>.Ok(new AuthPayload(access.Token, refreshToken, access.ExpiresAt, session.UserId));
        }

        var reused = await db.RotatedRefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.RefreshHash == presented, cancellationToken);
        if (reused is not null)
        {
            await db.Sessions
                .Where(s => s.SessionId == reused.SessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, RevocationReasons.RefreshTokenReused),
                    cancellationToken);
            await blacklist.RevokeAsync([reused.SessionId], cancellationToken);
            return Refuse(request, LoginResults.RefreshTokenReused,
                "This refresh token was used already, so it may have been stolen: the session is ended. Sign in again.", reused.SessionId);
        }

        var ended = await db.Sessions.AsNoTracking()
            .Where(s => s.RefreshHash == presented)
            .Select(s => (Guid?)s.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
        return ended is { } sessionId
            ? Refuse(request, LoginResults.SessionEnded, "The session has ended (signed out or expired); sign in again.", sessionId)
            : Refuse(request, LoginResults.RefreshTokenUnknown, "The refresh token is not valid; sign in again.");
    }

    private AuthOutcome<AuthPayload> Refuse(RefreshSession request, string reason, string message, Guid? sessionId = null)
    {
        audit.Record(LoginKinds.Refresh, reason, request.Client, sessionId: sessionId);
        return AuthOutcome<AuthPayload>.Refused(new AuthFailure(ErrorCode.Unauthenticated, reason, message));
    }
}
