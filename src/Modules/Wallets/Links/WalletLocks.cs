using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.Links;

/// <summary>
/// Serialises the commands that change one user's wallets (link, set primary, unlink) with Postgres transaction-level
/// advisory locks, so "exactly one primary" holds under concurrent calls; and, for externally owned accounts, the links
/// of one address, so two users cannot both claim an EOA on different chains. Released at commit or rollback.
/// </summary>
internal static class WalletLocks
{
    // Two-key advisory locks, the first key naming what is locked: they never collide with another module's locks.
    private const int UserLock = 0x5741_4C01;    // "WAL" 1
    private const int AddressLock = 0x5741_4C02; // "WAL" 2

    /// <summary>Waits for, then holds until the end of the transaction, the lock of <paramref name="userId"/>'s wallets.</summary>
    public static Task LockUserAsync(this WalletsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        LockAsync(db, UserLock, Fold(userId.ToByteArray()), cancellationToken);

    /// <summary>The lock of every EOA link of <paramref name="address"/>; take it before the user's lock.</summary>
    public static Task LockAddressAsync(this WalletsDbContext db, Address address, CancellationToken cancellationToken) =>
        LockAsync(db, AddressLock, Fold(address.ToBytes()), cancellationToken);

    private static async Task LockAsync(WalletsDbContext db, int kind, int key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [kind, key], cancellationToken);

    /// <summary>Folds bytes into a key that is the same in every process (unlike string hash codes); a clash only serialises more.</summary>
    private static int Fold(ReadOnlySpan<byte> bytes)
    {
        var key = 0;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            key ^= BitConverter.ToInt32(bytes[i..(i + 4)]);
        }

        return key;
    }
}
