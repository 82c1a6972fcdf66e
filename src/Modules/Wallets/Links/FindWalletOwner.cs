using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

internal sealed class FindWalletOwnerHandler(WalletsDbContext db) : IRequestHandler<FindWalletOwner, Guid?>
{
    public Task<Guid?> Handle(FindWalletOwner request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return db.OwnerOfAsync(request.AccountId, cancellationToken);
    }
}

internal static class WalletOwners
{
    /// <summary>
    /// The user an account is linked to: the exact CAIP-10 account first, then (an EOA's key being the same on every
    /// chain) the same address linked as an EOA on any chain; null when it has no live link.
    /// </summary>
    public static async Task<Guid?> OwnerOfAsync(this WalletsDbContext db, AccountId account, CancellationToken cancellationToken)
    {
        var exact = await db.Wallets.AsNoTracking()
            .Where(w => w.AccountId == account.Value)
            .Select(w => (Guid?)w.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        if (exact is not null || account.Address is not { } address)
        {
            return exact;
        }

        // Linking keeps an EOA address to one user, so any of its links names the owner.
        return await db.Wallets.AsNoTracking()
            .Where(w => w.Address == address.Value && w.Type == WalletTypes.Eoa)
            .OrderBy(w => w.CreatedAt)
            .Select(w => (Guid?)w.UserId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
