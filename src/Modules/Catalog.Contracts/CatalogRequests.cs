using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Catalog.Contracts;

/// <summary>
/// What the catalog knows of <paramref name="Collection"/> on <paramref name="ChainId"/> for <paramref name="Account"/>:
/// its standard, whether the account may mint (its owner, or a holder of the minter role, as indexed) and its supply
/// cap. Null when the catalog does not show that collection.
/// </summary>
public sealed record GetCollectionAccess(ChainId ChainId, Address Collection, Address Account) : IQuery<CollectionAccessDto?>;

/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
/// <param name="CanMint">The account is the collection's owner or holds its minter role.</param>
/// <param name="MaxSupply">ERC-721 cap on tokens ever minted, decimal; null when unlimited.</param>
/// <param name="TotalMinted">ERC-721 tokens ever minted, ERC-1155 ids ever created, decimal, as indexed.</param>
public sealed record CollectionAccessDto(string Standard, bool CanMint, string? MaxSupply, string TotalMinted);
