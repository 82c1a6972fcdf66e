using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Approvals;

internal sealed class GetWalletApprovalsHandler(WalletsDbContext db, ApprovalsCache cache)
    : IRequestHandler<GetWalletApprovals, IReadOnlyList<WalletApprovalDto>>
{
    public Task<IReadOnlyList<WalletApprovalDto>> Handle(GetWalletApprovals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chain = request.ChainId.Value;
        return cache.GetOrLoadAsync(new ApprovalsKey(request.WalletId, chain), LoadAsync, cancellationToken);

        async Task<IReadOnlyList<WalletApprovalDto>> LoadAsync(CancellationToken ct) =>
            await db.Approvals.AsNoTracking()
                .Where(a => a.WalletId == request.WalletId && a.ChainId == chain)
                .OrderBy(a => a.Contract).ThenBy(a => a.Operator)
                .Select(a => new WalletApprovalDto(
                    a.WalletId, a.ChainId, a.Contract, a.Operator, a.Standard, a.Approved, a.ApprovedAt, a.RevokedAt, a.TxHash, a.UpdatedAt))
                .ToListAsync(ct);
    }
}
