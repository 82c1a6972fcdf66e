using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>Ends the caller's session: its refresh token stops working and its access tokens are refused at once.</summary>
internal sealed record SignOut(Guid SessionId) : ICommand<bool>;

/// <summary>Ends every open session of the caller's user, on every device.</summary>
internal sealed record SignOutEverywhere(Guid UserId) : ICommand<bool>;

internal sealed class SignOutHandler(AuthDbContext db, SessionBlacklist blacklist, TimeProvider time)
    : IRequestHandler<SignOut, bool>, IRequestHandler<SignOutEverywhere, bool>
{
    public async Task<bool> Handle(SignOut request, CancellationToken cancellationToken)
    {
        await RevokeAsync(db.Sessions.Where(s => s.SessionId == request.SessionId), RevocationReasons.SignedOut, cancellationToken);
        // Blacklisted even when the row was revoked already: signing out twice must leave the tokens refused.
        await blacklist.RevokeAsync([request.SessionId], cancellationToken);
        return true;
    }

    public async Task<bool> Handle(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == request.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => s.SessionId)
            .ToListAsync(cancellationToken);
        await RevokeAsync(db.Sessions.Where(s => open.Contains(s.SessionId)), RevocationReasons.SignedOutEverywhere, cancellationToken);
        await blacklist.RevokeAsync(open, cancellationToken);
        return true;
    }

    private Task<int> RevokeAsync(IQueryable<Session> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return sessions.Where(s => s.RevokedAt == null).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
    }
}
