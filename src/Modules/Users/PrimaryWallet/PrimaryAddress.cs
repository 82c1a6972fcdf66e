using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.PrimaryWallet;

/// <summary>The primary address a user's wallets announce, kept in <c>users.primary_address</c>.</summary>
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
