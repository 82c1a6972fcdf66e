using System.Numerics;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// Who may mint on a collection: its owner, or an account holding its minter role. The seam through which a mint is
/// authorised: <see cref="CatalogCollectionMinters"/> asks the Catalog (indexed owner, roles and supply), and the chain
/// (<see cref="ChainCollectionMinters"/>) for a collection the catalog does not show yet.
/// </summary>
internal interface ICollectionMinters
{
    /// <returns>The collection's standard and whether <paramref name="account"/> may mint; null when the address is no collection of ours.</returns>
    Task<CollectionAccess?> CheckAsync(ChainId chainId, Address collection, Address account, CancellationToken cancellationToken);
}

/// <param name="CanMint">True for the owner and for holders of the minter role.</param>
/// <param name="MaxSupply">ERC-721: the cap on tokens ever minted; null when unlimited or unknown.</param>
/// <param name="TotalMinted">ERC-721: tokens ever minted so far; null when unknown.</param>
internal sealed record CollectionAccess(TokenStandard Standard, bool CanMint, BigInteger? MaxSupply = null, BigInteger? TotalMinted = null)
{
    /// <summary>Whether <paramref name="count"/> more tokens would pass the cap as far as is known now.</summary>
    public bool Exceeds(int count) => MaxSupply is { } max && TotalMinted is { } minted && minted + count > max;
}
