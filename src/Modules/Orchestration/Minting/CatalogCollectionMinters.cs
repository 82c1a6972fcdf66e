using System.Globalization;
using System.Numerics;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// <see cref="ICollectionMinters"/> through the Catalog's <see cref="GetCollectionAccess"/>: the indexed owner, minter
/// grants, cap and tokens ever minted, with no call to the chain. The catalog follows the chain some confirmations
/// behind, so a collection it does not show yet (created moments ago, or tracked and still backfilling) is asked of
/// the chain instead; once the catalog shows it, its answer is the one that counts.
/// </summary>
internal sealed class CatalogCollectionMinters(ISender sender, ChainCollectionMinters chain) : ICollectionMinters
{
    public async Task<CollectionAccess?> CheckAsync(ChainId chainId, Address collection, Address account, CancellationToken cancellationToken)
    {
        var known = await sender.Send(new GetCollectionAccess(chainId, collection, account), cancellationToken);
        if (known is null)
        {
            return await chain.CheckAsync(chainId, collection, account, cancellationToken);
        }

        var standard = known.Standard == "erc1155" ? TokenStandard.Erc1155 : TokenStandard.Erc721;
        return new CollectionAccess(standard, known.CanMint, Number(known.MaxSupply), Number(known.TotalMinted));
    }

    private static BigInteger? Number(string? value) =>
        value is not null && BigInteger.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
