// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {ERC1155Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC1155/ERC1155Upgradeable.sol";
import {ERC1155SupplyUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC1155/extensions/ERC1155SupplyUpgradeable.sol";
import {ERC1155BurnableUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC1155/extensions/ERC1155BurnableUpgradeable.sol";
import {CollectionBase} from "./CollectionBase.sol";
import {CollectionConfig} from "./ICollection.sol";

/// @notice ERC-1155 collection deployed as an EIP-1167 clone by NftFactory. Minting a new token creates the next id
/// (sequential from 1) with its URI and an optional cap on its supply; `mintExisting` adds supply to one. A holder (or an
/// operator it approved) may `burn`/`burnBatch`; burning lowers the id's supply, so the cap allows minting it again.
contract Collection1155 is ERC1155SupplyUpgradeable, ERC1155BurnableUpgradeable, CollectionBase {
    error MaxSupplyIsPerToken();
    error UnknownToken(uint256 id);

    /// @dev ERC-1155 has no name or symbol, but marketplaces and wallets read them like ERC-721's.
    string public name;
    string public symbol;

    uint256 private _lastId;
    mapping(uint256 id => string) private _uris;
    mapping(uint256 id => uint256) private _maxSupplies;

    function initialize(address owner_, CollectionConfig calldata config) external initializer {
        if (config.maxSupply != 0) revert MaxSupplyIsPerToken();
        __CollectionBase_init(owner_, config);
        name = config.name;
        symbol = config.symbol;
    }

    /// @notice Creates the next token id and mints `amount` of it (0 sets it up for later `mintExisting`).
    /// @param maxSupply_ Cap on the id's total supply; 0 = unlimited.
    function mint(address to, uint256 amount, uint256 maxSupply_, string calldata uri_)
        external
        onlyMinter
        returns (uint256 id)
    {
        id = _lastId + 1;
        _lastId = id;
        _create(id, amount, maxSupply_, uri_);
        _mint(to, id, amount, "");
    }

    /// @notice Creates consecutive new token ids, one per element, and mints them in one TransferBatch.
    /// @return firstId The first new id; the others follow it in the order of the arrays.
    function mintBatch(address to, uint256[] calldata amounts, uint256[] calldata maxSupplies, string[] calldata uris)
        external
        onlyMinter
        returns (uint256 firstId)
    {
        uint256 count = amounts.length;
        if (count == 0) revert EmptyBatch();
        if (maxSupplies.length != count || uris.length != count) revert ArrayLengthMismatch();
        firstId = _lastId + 1;
        _lastId = firstId + count - 1;
        uint256[] memory ids = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            ids[i] = firstId + i;
            _create(ids[i], amounts[i], maxSupplies[i], uris[i]);
        }
        _mintBatch(to, ids, amounts, "");
    }

    function mintExisting(address to, uint256 id, uint256 amount) external onlyMinter {
        if (id == 0 || id > _lastId) revert UnknownToken(id);
        uint256 max = _maxSupplies[id];
        if (max != 0 && totalSupply(id) + amount > max) revert MaxSupplyExceeded(max);
        _mint(to, id, amount, "");
    }

    function setTokenURI(uint256 id, string calldata uri_) external onlyOwner {
        _requireCreated(id);
        _uris[id] = uri_;
        emit URI(uri_, id);
        emit MetadataUpdate(id);
    }

    /// @notice Replaces the URIs of the consecutive ids from `firstId`, e.g. a reveal.
    function setTokenURIs(uint256 firstId, string[] calldata uris) external onlyOwner {
        if (uris.length == 0) revert EmptyBatch();
        uint256 lastId = firstId + uris.length - 1;
        _requireCreated(firstId);
        _requireCreated(lastId);
        for (uint256 i = 0; i < uris.length; ++i) {
            _uris[firstId + i] = uris[i];
            emit URI(uris[i], firstId + i);
        }
        emit BatchMetadataUpdate(firstId, lastId);
    }

    /// @return The id's own URI; empty for an id not created yet.
    function uri(uint256 id) public view override returns (string memory) {
        return _uris[id];
    }

    /// @return The cap on the id's total supply; 0 = unlimited.
    function maxSupply(uint256 id) external view returns (uint256) {
        return _maxSupplies[id];
    }

    /// @return The highest token id created so far (ids run from 1).
    function lastTokenId() external view returns (uint256) {
        return _lastId;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155Upgradeable, CollectionBase) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    /// @dev Both bases declare it (Supply keeps the supplies); Solidity asks for the choice to be spelt out.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values)
        internal
        override(ERC1155Upgradeable, ERC1155SupplyUpgradeable)
    {
        super._update(from, to, ids, values);
    }

    function _create(uint256 id, uint256 amount, uint256 max, string calldata uri_) private {
        if (max != 0) {
            if (amount > max) revert MaxSupplyExceeded(max);
            _maxSupplies[id] = max;
        }
        _uris[id] = uri_;
        // ERC-1155 asks for URI whenever a token's URI is set, which lets indexers skip a `uri(id)` call.
        emit URI(uri_, id);
    }

    function _requireCreated(uint256 id) private view {
        if (id == 0 || id > _lastId) revert UnknownToken(id);
    }
}
