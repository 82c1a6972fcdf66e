using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Users.PrimaryWallet;

/// <summary>A user's new primary wallet (set with <c>setPrimaryWallet</c>, or a later link marked primary) becomes the primary address.</summary>
internal sealed class PrimaryAddressOnPrimaryWalletChanged(UsersDbContext db) : IIntegrationEventHandler<PrimaryWalletChanged>
{
    /// <summary>Bound to <c>wallets.events</c> with <see cref="PrimaryWalletChanged.Key"/>: a queue of its own, as a queue carries one event type.</summary>
    public const string Queue = "subs.wallets.primary_changed";

    public Task Handle(PrimaryWalletChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return AccountId.TryParse(@event.AccountId, out var account) && account.Address is { } address
            ? PrimaryAddress.SetAsync(db, @event.UserId, address, @event.OccurredAt, cancellationToken)
            : Task.CompletedTask;
    }
}
