using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Domain;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>How the module reads wallets: as DTOs, in the one order every list has.</summary>
internal static class WalletQueries
{
    public static IQueryable<WalletDto> AsDtos(this IQueryable<Wallet> wallets) =>
        wallets.AsNoTracking().Select(w => new WalletDto(
            w.Id, w.UserId, w.AccountId, w.Address, w.ChainId, w.Type, w.Connector, w.IsPrimary, w.Label, w.VerifiedAt, w.CreatedAt, w.LastSeenAt));

    /// <summary>The order every list of a user's wallets has: the primary first, then by link time.</summary>
    public static IOrderedQueryable<Wallet> InListOrder(this IQueryable<Wallet> wallets) =>
        wallets.OrderByDescending(w => w.IsPrimary).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id);

    /// <summary>A user's wallets in list order.</summary>
    public static Task<List<WalletDto>> UserWalletsAsync(this WalletsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Wallets.Where(w => w.UserId == userId).InListOrder().AsDtos().ToListAsync(cancellationToken);
}
