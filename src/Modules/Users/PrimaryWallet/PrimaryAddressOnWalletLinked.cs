using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Users.PrimaryWallet;

/// <summary>A wallet linked as primary (a user's first, or one linked with <c>isPrimary</c>) becomes the primary address.</summary>
internal sealed class PrimaryAddressOnWalletLinked(UsersDbContext db) : IIntegrationEventHandler<WalletLinked>
{
    /// <summary>Bound to <c>wallets.events</c> with <see cref="WalletLinked.Key"/>.</summary>
    public const string Queue = "subs.wallets.linked";

    public Task Handle(WalletLinked @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.IsPrimary && Address.TryParse(@event.Address, out var address)
            ? PrimaryAddress.SetAsync(db, @event.UserId, address, @event.OccurredAt, cancellationToken)
            : Task.CompletedTask;
    }
}
