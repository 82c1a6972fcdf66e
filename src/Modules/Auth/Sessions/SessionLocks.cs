using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// Orders a sign-in's new session against the end of the sessions of an unlinked wallet with a Postgres
/// transaction-level advisory lock per address, released at commit or rollback.
/// </summary>
internal static class SessionLocks
{
    // Two-key advisory lock, the first key naming what is locked: it never collides with another module's locks.
    private const int AddressSessionsLock = 0x4155_5401; // "AUT" 1

    public static async Task LockSessionsOfAddressAsync(this AuthDbContext db, Address address, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [AddressSessionsLock, Fold(address.ToBytes())], cancellationToken);

    /// <summary>Folds bytes into a key that is the same in every process; a clash only serialises more.</summary>
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
