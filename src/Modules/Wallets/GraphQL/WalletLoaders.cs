using Microsoft.EntityFrameworkCore;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Links;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.Modules.Wallets.GraphQL;

/// <summary>Wallets by id, for <c>node(id)</c>.</summary>
internal sealed class WalletsById(WalletsDbContext db) : BatchLoader<Guid, WalletDto>
{
    protected override async Task<IEnumerable<WalletDto>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Wallets.Where(w => keys.Contains(w.Id)).AsDtos().ToListAsync(cancellationToken);

    protected override Guid KeyOf(WalletDto value) => value.Id;
}

/// <summary>The wallets of the users a response shows, in list order.</summary>
internal sealed class WalletsByUser(WalletsDbContext db) : GroupedBatchLoader<Guid, WalletDto>
{
    protected override async Task<IEnumerable<WalletDto>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Wallets.Where(w => keys.Contains(w.UserId)).InListOrder().AsDtos().ToListAsync(cancellationToken);

    protected override Guid KeyOf(WalletDto value) => value.UserId;
}
