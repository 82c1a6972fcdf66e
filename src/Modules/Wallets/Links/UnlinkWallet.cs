using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Approvals;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>
/// Removes one of the user's wallets with its approvals. The last one stays (it is how the user signs in): that is a
/// <c>CONFLICT</c>. Unlinking the primary makes the oldest remaining wallet primary. The key loses its access at once:
/// its next sign-in finds no link and starts a new user (<see cref="LinkSignInAccountHandler"/>), and
/// <see cref="WalletUnlinked"/> tells Auth to end the sessions it signed in.
/// </summary>
internal sealed record UnlinkWallet(Guid UserId, Guid WalletId) : ICommand<UnlinkWalletResult>;

/// <param name="ChangedApprovals">The cached approvals of the unlinked wallet, gone with it.</param>
internal sealed record UnlinkWalletResult(IReadOnlyList<ApprovalsKey> ChangedApprovals);

internal sealed class UnlinkWalletHandler(WalletsDbContext db, ApprovalsCache cache, TimeProvider time) : IRequestHandler<UnlinkWallet, UnlinkWalletResult>
{
    public async Task<UnlinkWalletResult> Handle(UnlinkWallet request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The address's lock first, as linking takes it (same order, no deadlock): a sign-in of this key is decided
        // either before the unlink (and its session then ended by WalletUnlinked) or after it (a new user).
        var address = await db.Wallets.AsNoTracking()
            .Where(w => w.Id == request.WalletId && w.UserId == request.UserId)
            .Select(w => w.Address)
            .FirstOrDefaultAsync(cancellationToken) ?? throw WalletErrors.NotYours();
        await db.LockAddressAsync(Address.Parse(address), cancellationToken);
        await db.LockUserAsync(request.UserId, cancellationToken);
        var wallets = await db.UserWalletsAsync(request.UserId, cancellationToken);
        var wallet = wallets.Find(w => w.Id == request.WalletId) ?? throw WalletErrors.NotYours();
        if (wallets.Count == 1)
        {
            throw new AppException(
                ErrorCode.Conflict,
                "This is your only wallet, and you sign in with it: link another wallet before unlinking this one.",
                "input.walletId");
        }

        var approvalChains = await db.Approvals.AsNoTracking()
            .Where(a => a.WalletId == wallet.Id)
            .Select(a => a.ChainId)
            .Distinct()
            .ToListAsync(cancellationToken);

        // Approvals and their history go with the wallet (foreign keys cascade).
        await db.Wallets.Where(w => w.Id == wallet.Id).ExecuteDeleteAsync(cancellationToken);

        if (wallet.IsPrimary)
        {
            var successor = wallets.Where(w => w.Id != wallet.Id).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).First();
            await db.MoveAsync(request.UserId, successor.Id, time.GetUtcNow(), cancellationToken);
            db.AddIntegrationEvent(new PrimaryWalletChanged(successor.Id, request.UserId, successor.AccountId));
        }

        db.AddIntegrationEvent(new WalletUnlinked(
            wallet.Id, request.UserId, wallet.AccountId, wallet.Address, wallet.ChainId, wallet.Type,
            AddressStillLinked: wallets.Exists(w => w.Id != wallet.Id && w.Address == wallet.Address)));
        var result = new UnlinkWalletResult([.. approvalChains.Select(chain => new ApprovalsKey(wallet.Id, chain))]);
        db.AfterCommit(_ => cache.InvalidateAsync(result.ChangedApprovals));
        return result;
    }
}
