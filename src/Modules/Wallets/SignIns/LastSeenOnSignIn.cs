using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Auth.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.SignIns;

/// <summary>
/// <c>subs.auth.logged_in</c>: a sign-in moves the signing wallet's <c>last_seen_at</c> to the sign-in's time, never
/// back (events can arrive late, e.g. after a retry). The inbox makes a redelivery a no-op.
/// </summary>
internal sealed class LastSeenOnSignIn(WalletsDbContext db) : IIntegrationEventHandler<UserLoggedIn>
{
    public const string Queue = "subs.auth.logged_in";

    public Task Handle(UserLoggedIn @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (!AccountId.TryParse(@event.AccountId, out var account))
        {
            return Task.CompletedTask;
        }

        var at = @event.OccurredAt.ToUniversalTime();
        return db.Wallets
            .Where(w => w.AccountId == account.Value && w.UserId == @event.UserId && (w.LastSeenAt == null || w.LastSeenAt < at))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.LastSeenAt, at), cancellationToken);
    }
}
