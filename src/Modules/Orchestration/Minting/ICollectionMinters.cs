using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// Who may mint on a collection: its owner, or an account holding its minter role. The seam through which a mint is
/// authorised. Today <see cref="ChainCollectionMinters"/> asks the chain; once the Catalog knows collections and
/// their roles (from the indexer's ownership and role events), an implementation sending the Catalog's public
/// request replaces it here, in <c>OrchestrationModule</c>, with no change to the use cases.
/// </summary>
internal interface ICollectionMinters
{
    /// <returns>The collection's standard and whether <paramref name="account"/> may mint; null when the address is no collection of ours.</returns>
    Task<CollectionAccess?> CheckAsync(ChainId chainId, Address collection, Address account, CancellationToken cancellationToken);
}

/// <param name="CanMint">True for the owner and for holders of the minter role.</param>
internal sealed record CollectionAccess(TokenStandard Standard, bool CanMint);
