using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>Makes one of the user's wallets the primary one; a wallet that is not theirs is <c>NOT_FOUND</c>.</summary>
/// <returns>The user's wallets after the change, primary first.</returns>
internal sealed record SetPrimaryWallet(Guid UserId, Guid WalletId) : ICommand<IReadOnlyList<WalletDto>>;

internal sealed class SetPrimaryWalletHandler(WalletsDbContext db, TimeProvider time) : IRequestHandler<SetPrimaryWallet, IReadOnlyList<WalletDto>>
{
    public async Task<IReadOnlyList<WalletDto>> Handle(SetPrimaryWallet request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await db.LockUserAsync(request.UserId, cancellationToken);
        var wallet = await db.Wallets.AsNoTracking()
            .FirstOrDefaultAsync(w => w.Id == request.WalletId && w.UserId == request.UserId, cancellationToken)
            ?? throw WalletErrors.NotYours();

        if (!wallet.IsPrimary)
        {
            await db.MoveAsync(request.UserId, wallet.Id, time.GetUtcNow(), cancellationToken);
            db.AddIntegrationEvent(new PrimaryWalletChanged(wallet.Id, request.UserId, wallet.AccountId));
        }

        return await db.UserWalletsAsync(request.UserId, cancellationToken);
    }
}
