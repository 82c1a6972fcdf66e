using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>
/// Links a further account to the signed-in user. The account proves itself exactly as at sign-in — its own SIWE
/// message with its own nonce (from <c>signInSiwe</c>) — so a session cannot claim an address it does not control.
/// </summary>
internal sealed record LinkWallet(Guid UserId, string AccountId, string Message, byte[] Signature) : ICommand<AuthOutcome<WalletDto>>
{
    public CallerInfo Client { get; init; } = CallerInfo.Unknown;
}

internal sealed class LinkWalletHandler(ISender sender, SiweProof proof, LoginAudit audit)
    : IRequestHandler<LinkWallet, AuthOutcome<WalletDto>>
{
    public async Task<AuthOutcome<WalletDto>> Handle(LinkWallet request, CancellationToken cancellationToken)
    {
        var proven = await proof.CheckAsync(request.AccountId, request.Message, request.Signature, NoncePurposes.LinkWallet, cancellationToken);
        if (proven.Failure is { } refused)
        {
            return Refuse(request, refused);
        }

        var account = proven.Value!;
        var owner = await sender.Send(new FindWalletOwner(account.Account), cancellationToken);
        if (owner is { } other && other != request.UserId)
        {
            return Refuse(request, new AuthFailure(ErrorCode.Conflict, LoginResults.WalletOfAnotherUser,
                $"{account.Address.ToChecksumString()} is linked to another user; unlink it there first.", "input.accountId"));
        }

        UpsertLinkResult link;
        try
        {
            link = await sender.Send(new UpsertLink(request.UserId, account.Account, IsPrimary: false, VerifySiweHandler.WalletTypeOf(account.Method)), cancellationToken);
        }
        catch (AppException ex) when (ex.Code == ErrorCode.Conflict)
        {
            return Refuse(request, new AuthFailure(ErrorCode.Conflict, LoginResults.WalletOfAnotherUser, ex.Message, "input.accountId"));
        }

        audit.Record(LoginKinds.LinkWallet, LoginResults.Success, request.Client, account.Account.Value, request.UserId);
        var wallets = await sender.Send(new GetUserWallets(request.UserId), cancellationToken);
        return AuthOutcome<WalletDto>.Ok(wallets.First(w => w.Id == link.WalletId));
    }

    private AuthOutcome<WalletDto> Refuse(LinkWallet request, AuthFailure failure)
    {
        audit.Record(LoginKinds.LinkWallet, failure.Reason, request.Client, VerifySiweHandler.AccountIdOrNull(request.AccountId), request.UserId);
        return AuthOutcome<WalletDto>.Refused(failure);
    }
}
