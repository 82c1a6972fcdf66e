// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

/// @notice What a creator chooses for a new collection; the factory passes it to the clone's initializer.
struct CollectionConfig {
    string name;
    string symbol;
    /// @dev ERC-7572 collection-level metadata.
    string contractURI;
    /// @dev Zero with `royaltyBps` zero means no royalties.
    address royaltyReceiver;
    /// @dev Basis points of the sale price (ERC-2981 denominator 10000).
    uint96 royaltyBps;
    /// @dev ERC-721: cap on tokens ever minted, 0 = unlimited. ERC-1155 caps each token id instead and requires 0.
    uint256 maxSupply;
}

/// @notice The initializer both collection implementations share, so the factory treats them alike.
interface ICollection {
    function initialize(address owner, CollectionConfig calldata config) external;
}

/// @notice ERC-4906's events without its IERC721 base, so an ERC-1155 collection can emit them too.
interface IMetadataUpdateEvents {
    event MetadataUpdate(uint256 _tokenId);
    event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId);
}
