using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Approvals;

internal sealed class RecordApprovalValidator : AbstractValidator<RecordApproval>
{
    private static readonly string[] Standards = [ApprovalStandards.Erc721, ApprovalStandards.Erc1155];

    public RecordApprovalValidator()
    {
        RuleFor(x => x.ChainId).Must(c => c.IsEip155).WithMessage("Approvals are recorded for eip155 chains only.");
        RuleFor(x => x.Standard).Must(Standards.Contains).WithMessage($"Standard must be one of {string.Join(", ", Standards)}.");
        RuleFor(x => x.At).NotEmpty();
    }
}

/// <summary>
/// Per matching wallet: a history row (unique per transaction, so a repeat inserts nothing and stops there), then the
/// current approval, overwritten only by a change at least as recent as the one it holds.
/// </summary>
internal sealed class RecordApprovalHandler(WalletsDbContext db, ApprovalsCache cache) : IRequestHandler<RecordApproval, RecordApprovalResult>
{
    private const string InsertHistory =
        "INSERT INTO " + WalletsModule.Schema + ".approvals_history (id, wallet_id, chain_id, operator, standard, approved, tx_hash, at) "
        + "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}) "
        + "ON CONFLICT (wallet_id, chain_id, operator, standard, tx_hash) DO NOTHING";

    private const string UpsertCurrent =
        "INSERT INTO " + WalletsModule.Schema + ".approvals AS a "
        + "(wallet_id, chain_id, operator, standard, approved, approved_at, revoked_at, tx_hash, updated_at) "
        + "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}) "
        + "ON CONFLICT (wallet_id, chain_id, operator, standard) DO UPDATE SET "
        + "approved = excluded.approved, approved_at = COALESCE(excluded.approved_at, a.approved_at), revoked_at = excluded.revoked_at, "
        + "tx_hash = excluded.tx_hash, updated_at = excluded.updated_at "
        + "WHERE a.updated_at <= excluded.updated_at";

    public async Task<RecordApprovalResult> Handle(RecordApproval request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = request.Owner.Value;
        var chain = request.ChainId.Value;
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => w.Address == owner && (w.ChainId == chain || w.Type == WalletTypes.Eoa))
            .Select(w => w.Id)
            .ToListAsync(cancellationToken);

        var at = request.At.ToUniversalTime();
        var changed = new List<Guid>(wallets.Count);
        foreach (var walletId in wallets)
        {
            var operatorAddress = request.Operator.Value;
            var tx = request.TxHash.Value;
            var recorded = await db.Database.ExecuteSqlRawAsync(
                InsertHistory,
                [Guid.CreateVersion7(at), walletId, chain, operatorAddress, request.Standard, request.Approved, tx, at],
                cancellationToken);
            if (recorded == 0)
            {
                continue;
            }

            await db.Database.ExecuteSqlRawAsync(
                UpsertCurrent,
                [
                    walletId, chain, operatorAddress, request.Standard, request.Approved,
                    SqlParameters.Nullable(request.Approved ? at : null, NpgsqlDbType.TimestampTz),
                    SqlParameters.Nullable(request.Approved ? null : at, NpgsqlDbType.TimestampTz),
                    tx, at,
                ],
                cancellationToken);
            changed.Add(walletId);
        }

        var keys = changed.Select(id => new ApprovalsKey(id, chain)).ToList();
        db.AfterCommit(_ => cache.InvalidateAsync(keys));
        return new RecordApprovalResult(changed);
    }
}
