using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Access;

/// <summary>
/// Answers <see cref="GetCollectionAccess"/> from what the catalog indexed: the collection's row (standard, owner,
/// ERC-721 cap and tokens ever minted) and its role grants. The owner may mint (the contract lets its default admin
/// mint); anyone else needs a grant of <c>MINTER_ROLE</c>. Null for a collection the catalog does not show.
/// </summary>
internal sealed class GetCollectionAccessHandler(CatalogDbContext db) : IRequestHandler<GetCollectionAccess, CollectionAccessDto?>
{
    /// <summary><c>keccak256("MINTER_ROLE")</c>, as <c>collection_roles.role</c> stores it.</summary>
    internal const string MinterRole = "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6";

    public async Task<CollectionAccessDto?> Handle(GetCollectionAccess request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chainId = request.ChainId.Value;
        var address = request.Collection.Value;
        var account = request.Account.Value;
        var collection = await db.Collections.AsNoTracking()
            .Where(c => c.ChainId == chainId && c.Address == address)
            .Select(c => new { c.Standard, c.Owner, c.MaxSupply, c.TotalMinted })
            .FirstOrDefaultAsync(cancellationToken);
        if (collection is null)
        {
            return null;
        }

        var canMint = collection.Owner == account
            || await db.CollectionRoles.AsNoTracking().AnyAsync(
                r => r.ChainId == chainId && r.Address == address && r.Role == MinterRole && r.Account == account, cancellationToken);
        return new CollectionAccessDto(
            collection.Standard,
            canMint,
            collection.MaxSupply is { } max && !max.IsZero ? max.ToString(CultureInfo.InvariantCulture) : null,
            collection.TotalMinted.ToString(CultureInfo.InvariantCulture));
    }
}
