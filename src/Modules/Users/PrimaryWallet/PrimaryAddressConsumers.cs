using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Users.PrimaryWallet;

/// <summary>Queues (bound to <c>wallets.events</c>) that keep <c>users.primary_address</c> in step with Wallets.</summary>
internal static class PrimaryAddressQueues
{
    /// <summary>Seed name: <c>wallet.linked</c>.</summary>
    public const string WalletLinked = "subs.wallets.linked";

    /// <summary><c>wallet.primary_changed</c>: a queue of its own, as a queue carries one event type.</summary>
    public const string PrimaryWalletChanged = "subs.wallets.primary_changed";
}

/// <summary>A wallet linked as primary (a user's first, or one linked with <c>isPrimary</c>) becomes the primary address.</summary>
internal sealed class PrimaryAddressOnWalletLinked(UsersDbContext db) : IIntegrationEventHandler<WalletLinked>
{
    public Task Handle(WalletLinked @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.IsPrimary && Address.TryParse(@event.Address, out var address)
            ? PrimaryAddress.SetAsync(db, @event.UserId, address, @event.OccurredAt, cancellationToken)
            : Task.CompletedTask;
    }
}

internal sealed class PrimaryAddressOnPrimaryWalletChanged(UsersDbContext db) : IIntegrationEventHandler<PrimaryWalletChanged>
{
    public Task Handle(PrimaryWalletChanged @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return AccountId.TryParse(@event.AccountId, out var account) && account.Address is { } address
            ? PrimaryAddress.SetAsync(db, @event.UserId, address, @event.OccurredAt, cancellationToken)
            : Task.CompletedTask;
    }
}

internal static class PrimaryAddress
{
    /// <summary>
    /// Sets the user's primary address unless a later event set it already: the two queues do not keep the order between
    /// them, and a retried message can arrive after newer ones. Runs in the inbox's transaction.
    /// </summary>
    public static Task SetAsync(UsersDbContext db, Guid userId, Address address, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        // Postgres keeps microseconds; compare at that precision so the stored time and the event's are the same value.
        var at = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % 10), TimeSpan.Zero);
        return db.Users
            .Where(u => u.Id == userId && (u.PrimaryAddressChangedAt == null || u.PrimaryAddressChangedAt < at))
            .ExecuteUpdateAsync(
                set => set.SetProperty(u => u.PrimaryAddress, address.Value).SetProperty(u => u.PrimaryAddressChangedAt, at),
                cancellationToken);
    }
}
