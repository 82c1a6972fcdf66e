using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>Moves a user's primary flag; the caller holds the user's lock.</summary>
internal static class PrimaryFlag
{
    /// <summary>
    /// Makes <paramref name="walletId"/> the user's one primary wallet: the old primary is cleared first, in its own
    /// statement, since Postgres checks the partial unique index row by row.
    /// </summary>
    public static async Task MoveAsync(this WalletsDbContext db, Guid userId, Guid walletId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Wallets
            .Where(w => w.UserId == userId && w.IsPrimary && w.Id != walletId)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.IsPrimary, false).SetProperty(w => w.UpdatedAt, now), cancellationToken);
        await db.Wallets
            .Where(w => w.Id == walletId && !w.IsPrimary)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.IsPrimary, true).SetProperty(w => w.UpdatedAt, now), cancellationToken);
    }
}
