using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

internal sealed class FindWalletOwnerHandler(WalletsDbContext db) : IRequestHandler<FindWalletOwner, Guid?>
{
    public async Task<Guid?> Handle(FindWalletOwner request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exact = await db.Wallets.AsNoTracking()
            .Where(w => w.AccountId == request.AccountId.Value)
            .Select(w => (Guid?)w.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        if (exact is not null || request.AccountId.Address is not { } address)
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
