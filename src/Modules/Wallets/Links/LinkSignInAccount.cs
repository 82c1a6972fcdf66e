using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>
/// Decides the user of a sign-in from the account's live links, holding the address's lock (which <c>UnlinkWallet</c>
/// takes too): a sign-in decided before an unlink commits is linked before it, one decided after finds no link and
/// starts a new user. The user is never looked up by the account that created it, which may have been unlinked since.
/// </summary>
internal sealed class LinkSignInAccountHandler(WalletsDbContext db, ISender sender) : IRequestHandler<LinkSignInAccount, SignInLink>
{
    public async Task<SignInLink> Handle(LinkSignInAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every type, not only EOAs: the lock orders this sign-in against unlinks and other sign-ins of the address.
        await db.LockAddressAsync(request.AccountId.ToEip155Address(), cancellationToken);
        var owner = await db.OwnerOfAsync(request.AccountId, cancellationToken);
        var userId = owner ?? request.NewUserId;

        // Joins this unit of work: links a new account, or an EOA already linked on another chain on this chain too.
        var link = await sender.Send(new UpsertLink(userId, request.AccountId, IsPrimary: false, request.Type), cancellationToken);
        return new SignInLink(userId, link.WalletId, NewUser: owner is null);
    }
}
