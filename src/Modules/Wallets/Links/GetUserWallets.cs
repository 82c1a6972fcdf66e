using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

internal sealed class GetUserWalletsHandler(WalletsDbContext db) : IRequestHandler<GetUserWallets, IReadOnlyList<WalletDto>>
{
    public async Task<IReadOnlyList<WalletDto>> Handle(GetUserWallets request, CancellationToken cancellationToken) =>
        await db.UserWalletsAsync(request.UserId, cancellationToken);
}
