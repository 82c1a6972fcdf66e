using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Domain;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

internal sealed class UpsertLinkValidator : AbstractValidator<UpsertLink>
{
    private static readonly string[] Types = [WalletTypes.Eoa, WalletTypes.Contract, WalletTypes.Counterfactual];

    public UpsertLinkValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.AccountId).Must(a => a.Address is not null).WithMessage("Only eip155 (EVM) accounts can be linked.");
        RuleFor(x => x.Type).Must(Types.Contains).WithMessage($"Type must be one of {string.Join(", ", Types)}.");
        RuleFor(x => x.Connector).MaximumLength(64);
    }
}

/// <summary>
/// Links an account with <c>INSERT … ON CONFLICT (account_id) DO NOTHING</c>, holding the user's lock (and, for an EOA,
/// the address's) so the primary flag and the one-owner-per-EOA rule hold under concurrent links. Raises
/// <see cref="WalletLinked"/> for a new link and <see cref="PrimaryWalletChanged"/> when a later link takes the primary
/// flag; the first link is primary and announced by <see cref="WalletLinked"/> alone.
/// </summary>
internal sealed class UpsertLinkHandler(WalletsDbContext db, TimeProvider time) : IRequestHandler<UpsertLink, UpsertLinkResult>
{
    private const string Insert =
        "INSERT INTO " + WalletsModule.Schema + ".wallets "
        + "(id, user_id, account_id, address, chain_id, type, connector, is_primary, verified_at, created_at, updated_at) "
        + "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {8}, {8}) "
        + "ON CONFLICT (account_id) DO NOTHING RETURNING id AS \"Value\"";

    public async Task<UpsertLinkResult> Handle(UpsertLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = request.AccountId;
        var address = account.ToEip155Address();
        var isEoa = request.Type == WalletTypes.Eoa;
        if (isEoa)
        {
            await db.LockAddressAsync(address, cancellationToken);
        }

        await db.LockUserAsync(request.UserId, cancellationToken);

        // An EOA's key signs on every chain, so the same address linked by someone else on another chain is theirs.
        if (isEoa && await db.Wallets.AnyAsync(
                w => w.Address == address.Value && w.Type == WalletTypes.Eoa && w.UserId != request.UserId, cancellationToken))
        {
            throw LinkedToSomeoneElse(account.Value);
        }

        var now = time.GetUtcNow();
        var hasPrimary = await db.Wallets.AnyAsync(w => w.UserId == request.UserId && w.IsPrimary, cancellationToken);
        var inserted = await db.Database.SqlQueryRaw<Guid>(
                Insert,
                Guid.CreateVersion7(now), request.UserId, account.Value, address.Value, account.ChainId.Value, request.Type,
                SqlParameters.Nullable(request.Connector, NpgsqlDbType.Varchar), !hasPrimary, now)
            .ToListAsync(cancellationToken);

        return inserted is [var walletId]
            ? await LinkedAsync(request, walletId, becamePrimary: !hasPrimary, now, cancellationToken)
            : await AlreadyLinkedAsync(request, now, cancellationToken);
    }

    private async Task<UpsertLinkResult> LinkedAsync(UpsertLink request, Guid walletId, bool becamePrimary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var movePrimary = request.IsPrimary && !becamePrimary;
        if (movePrimary)
        {
            await db.MoveAsync(request.UserId, walletId, now, cancellationToken);
        }

        var account = request.AccountId;
        db.AddIntegrationEvent(new WalletLinked(
            walletId, request.UserId, account.Value, account.ToEip155Address().Value, account.ChainId.Value, request.Type, becamePrimary || movePrimary));
        if (movePrimary)
        {
            db.AddIntegrationEvent(new PrimaryWalletChanged(walletId, request.UserId, account.Value));
        }

        return new UpsertLinkResult(walletId, Linked: true, IsPrimary: becamePrimary || movePrimary);
    }

    private async Task<UpsertLinkResult> AlreadyLinkedAsync(UpsertLink request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Wallets.AsNoTracking().SingleAsync(w => w.AccountId == request.AccountId.Value, cancellationToken);
        if (existing.UserId != request.UserId)
        {
            throw LinkedToSomeoneElse(existing.AccountId);
        }

        if (!request.IsPrimary || existing.IsPrimary)
        {
            return new UpsertLinkResult(existing.Id, Linked: false, existing.IsPrimary);
        }

        await db.MoveAsync(request.UserId, existing.Id, now, cancellationToken);
        db.AddIntegrationEvent(new PrimaryWalletChanged(existing.Id, request.UserId, existing.AccountId));
        return new UpsertLinkResult(existing.Id, Linked: false, IsPrimary: true);
    }

    private static AppException LinkedToSomeoneElse(string account) =>
        new(ErrorCode.Conflict, $"The account {account} is linked to another user.", "input.accountId");
}
