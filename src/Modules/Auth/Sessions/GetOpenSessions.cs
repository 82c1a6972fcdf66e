using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>A user's open sessions (signed in, not signed out, not expired), newest first.</summary>
internal sealed record GetOpenSessions(Guid UserId) : IQuery<IReadOnlyList<OpenSession>>;

/// <summary>What a device list shows of a session: never its refresh token hash or roles.</summary>
internal sealed record OpenSession(
    Guid SessionId,
    string AccountId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? Ip,
    string? UserAgent);

internal sealed class GetOpenSessionsHandler(AuthDbContext db, TimeProvider time) : IRequestHandler<GetOpenSessions, IReadOnlyList<OpenSession>>
{
    public async Task<IReadOnlyList<OpenSession>> Handle(GetOpenSessions request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == request.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new OpenSession(s.SessionId, s.AccountId, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Ip, s.Ua))
            .ToListAsync(cancellationToken);
    }
}
