// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {ERC721Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC721/ERC721Upgradeable.sol";
import {ERC721BurnableUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC721/extensions/ERC721BurnableUpgradeable.sol";
import {CollectionBase} from "./CollectionBase.sol";
import {CollectionConfig} from "./ICollection.sol";

/// @notice ERC-721 collection deployed as an EIP-1167 clone by NftFactory. Token ids are sequential from 1, each
/// with its own URI; an optional cap limits how many are ever minted. A holder (or an account it approved) may burn a
/// token; its id is never minted again and still counts against the cap.
contract Collection721 is ERC721BurnableUpgradeable, CollectionBase {
    uint256 private _maxSupply;
    uint256 private _totalMinted;
    mapping(uint256 tokenId => string) private _tokenURIs;
    uint256 private _totalBurned;

    function initialize(address owner_, CollectionConfig calldata config) external initializer {
        __ERC721_init(config.name, config.symbol);
        __CollectionBase_init(owner_, config);
        if (config.maxSupply != 0) {
            _maxSupply = config.maxSupply;
        }
    }

    /// @return tokenId The new token's id.
    function mint(address to, string calldata uri) external onlyMinter returns (uint256 tokenId) {
        tokenId = _reserve(1);
        _tokenURIs[tokenId] = uri;
        _safeMint(to, tokenId);
    }

    /// @return firstTokenId The first new id; the others follow it consecutively, in the order of `uris`.
    function mintBatch(address to, string[] calldata uris) external onlyMinter returns (uint256 firstTokenId) {
        if (uris.length == 0) revert EmptyBatch();
        firstTokenId = _reserve(uris.length);
        for (uint256 i = 0; i < uris.length; ++i) {
            _tokenURIs[firstTokenId + i] = uris[i];
            _safeMint(to, firstTokenId + i);
        }
    }

    function setTokenURI(uint256 tokenId, string calldata uri) external onlyOwner {
        _requireOwned(tokenId);
        _tokenURIs[tokenId] = uri;
        emit MetadataUpdate(tokenId);
    }

    /// @notice The owner of `tokenId` or an account it approved (for the token or all its tokens) destroys it.
    function burn(uint256 tokenId) public override {
        super.burn(tokenId);
        unchecked {
            ++_totalBurned;
        }
    }

    /// @notice Replaces the URIs of the consecutive tokens from `firstTokenId`, e.g. a reveal. The range may contain
    /// burnt tokens (their URIs are never read again); it must lie within the ids minted so far.
    function setTokenURIs(uint256 firstTokenId, string[] calldata uris) external onlyOwner {
        if (uris.length == 0) revert EmptyBatch();
        uint256 lastTokenId = firstTokenId + uris.length - 1;
        if (firstTokenId == 0) revert ERC721NonexistentToken(0);
        if (lastTokenId > _totalMinted) revert ERC721NonexistentToken(_totalMinted + 1);
        for (uint256 i = 0; i < uris.length; ++i) {
            _tokenURIs[firstTokenId + i] = uris[i];
        }
        emit BatchMetadataUpdate(firstTokenId, lastTokenId);
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return _tokenURIs[tokenId];
    }

    /// @return The tokens that exist now: minted and not burnt.
    function totalSupply() external view returns (uint256) {
        return _totalMinted - _totalBurned;
    }

    /// @return The tokens ever minted, burnt ones included: what the cap limits, and the highest id so far.
    function totalMinted() external view returns (uint256) {
        return _totalMinted;
    }

    /// @return The cap on tokens ever minted; 0 = unlimited.
    function maxSupply() external view returns (uint256) {
        return _maxSupply;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721Upgradeable, CollectionBase) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    /// @dev Claims `count` ids before any receiver hook runs, so a re-entrant mint cannot reuse them.
    function _reserve(uint256 count) private returns (uint256 firstTokenId) {
        uint256 minted = _totalMinted;
        uint256 max = _maxSupply;
        if (max != 0 && minted + count > max) revert MaxSupplyExceeded(max);
        _totalMinted = minted + count;
        return minted + 1;
    }
}
