using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// <c>subs.wallets.unlinked</c>: an unlinked wallet's key loses its access, so the user's sessions it signed in end the
/// way <c>signOut</c> ends one (revoked_at, the Redis blacklist, open sockets closed with 4403). Sessions signed in with
/// the user's other wallets stay. For an EOA whose address is no longer linked to the user on any chain, its sessions on
/// every chain end. The inbox makes a redelivery a no-op, and only sessions not revoked yet are touched.
/// </summary>
internal sealed class SessionsEndOnWalletUnlinked(AuthDbContext db, SessionBlacklist blacklist, TimeProvider time)
    : IIntegrationEventHandler<WalletUnlinked>
{
    public const string Queue = "subs.wallets.unlinked";

    public async Task Handle(WalletUnlinked @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!Address.TryParse(@event.Address, out var address))
        {
            return;
        }

        // Waits for a sign-in of this address that is still committing its session (see VerifySiwe), so it is seen here.
        await db.LockSessionsOfAddressAsync(address, cancellationToken);
        var anyChain = !@event.AddressStillLinked && @event.Type == WalletTypes.Eoa;
        var ofAddress = ":" + address.Value;
        var ended = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == @event.UserId && s.RevokedAt == null
                && (s.AccountId == @event.AccountId || (anyChain && s.AccountId.EndsWith(ofAddress))))
            .Select(s => s.SessionId)
            .ToListAsync(cancellationToken);
        if (ended.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.Sessions.Where(s => ended.Contains(s.SessionId) && s.RevokedAt == null).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, RevocationReasons.WalletUnlinked), cancellationToken);

        // Like signOut, before the commit: a failure after it leaves the event to be redelivered, never a revocation in
        // Postgres whose tokens Redis still lets through.
        await blacklist.RevokeAsync(ended, cancellationToken);
    }
}
