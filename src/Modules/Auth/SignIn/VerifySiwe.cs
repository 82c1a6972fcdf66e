using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Contracts;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>
/// Signs in with a signed SIWE message: proves the account, lets Wallets find its user from
/// live links or link it to a new one (<c>LinkSignInAccount</c>), creates that user if new (<c>EnsureUser</c>), opens a
/// session and publishes <c>user.logged_in</c>.
/// </summary>
internal sealed record VerifySiwe(string AccountId, string Message, byte[] Signature) : ICommand<AuthOutcome<AuthPayload>>
{
    public CallerInfo Client { get; init; } = CallerInfo.Unknown;
}

internal sealed class VerifySiweHandler(
    AuthDbContext db,
    ISender sender,
    SiweProof proof,
    SessionIssuer sessions,
    LoginAudit audit) : IRequestHandler<VerifySiwe, AuthOutcome<AuthPayload>>
{
    public async Task<AuthOutcome<AuthPayload>> Handle(VerifySiwe request, CancellationToken cancellationToken)
    {
        var proven = await proof.CheckAsync(request.AccountId, request.Message, request.Signature, NoncePurposes.SignIn, cancellationToken);
        if (proven.Failure is { } refused)
        {
            return Refuse(request, refused);
        }

        var account = proven.Value!;
        SignInLink link;
        try
        {
            // Wallets decides the user from the account's live links only: an unlinked key starts a new user.
            link = await sender.Send(new LinkSignInAccount(account.Account, WalletTypeOf(account.Method), Guid.CreateVersion7()), cancellationToken);
        }
        catch (AppException ex) when (ex.Code == ErrorCode.Conflict)
        {
            // Linked to another user on another chain: that user's, not this sign-in's.
            return Refuse(request, new AuthFailure(ErrorCode.Conflict, LoginResults.WalletOfAnotherUser, ex.Message));
        }

        // Always: a sign-in that stopped between the link and the user's creation finishes it here.
        var userId = link.UserId;
        await sender.Send(new EnsureUser(userId, account.Account), cancellationToken);

        // Held until this session commits, and taken by SessionsEndOnWalletUnlinked too: an unlink that committed before
        // this check refuses the sign-in, one that commits after it ends this session once it is committed.
        await db.LockSessionsOfAddressAsync(account.Address, cancellationToken);
        if (await sender.Send(new FindWalletOwner(account.Account), cancellationToken) != userId)
        {
            return Refuse(request, new AuthFailure(ErrorCode.Unauthenticated, LoginResults.WalletUnlinked,
                "The wallet was unlinked while signing in; sign in again."));
        }

        var (session, payload) = sessions.Open(userId, account, request.Client);
        audit.Record(LoginKinds.SignIn, LoginResults.Success, request.Client, account.Account.Value, userId, session.SessionId);
        db.AddIntegrationEvent(new UserLoggedIn(
            userId, session.SessionId, account.Account.Value, account.Address.Value, account.Account.ChainId.Value, MethodName(account.Method)));
        return AuthOutcome<AuthPayload>.Ok(payload);
    }

    public static string WalletTypeOf(SignatureMethod method) => method switch
    {
        SignatureMethod.Eip1271 => WalletTypes.Contract,
        SignatureMethod.Eip6492 => WalletTypes.Counterfactual,
        _ => WalletTypes.Eoa,
    };

    private static string MethodName(SignatureMethod method) => method.ToString().ToLowerInvariant();

    private AuthOutcome<AuthPayload> Refuse(VerifySiwe request, AuthFailure failure)
    {
        audit.Record(LoginKinds.SignIn, failure.Reason, request.Client, AccountIdOrNull(request.AccountId));
        return AuthOutcome<AuthPayload>.Refused(failure);
    }

    internal static string? AccountIdOrNull(string text) => BuildingBlocks.Ethereum.AccountId.TryParse(text, out var account) ? account.Value : null;
}
