// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {AccessControlDefaultAdminRulesUpgradeable} from "@openzeppelin/contracts-upgradeable/access/extensions/AccessControlDefaultAdminRulesUpgradeable.sol";
import {ERC2981Upgradeable} from "@openzeppelin/contracts-upgradeable/token/common/ERC2981Upgradeable.sol";
import {ICollection, CollectionConfig, IMetadataUpdateEvents} from "./ICollection.sol";

/// @notice What both collection standards share: one owner (the default admin, exposed as `owner()`), minters,
/// ERC-2981 default royalty, ERC-7572 `contractURI` and ERC-4906 metadata events.
/// @dev Clones have no constructor, so everything is set by `initialize`; the implementation disables it.
abstract contract CollectionBase is ICollection, IMetadataUpdateEvents, ERC2981Upgradeable, AccessControlDefaultAdminRulesUpgradeable {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @dev EIP-4906 fixes this id; IERC4906 declares no functions, so `type(IERC4906).interfaceId` would be zero.
    bytes4 private constant ERC4906_INTERFACE_ID = 0x49064906;

    error NotMinter(address account);
    error MaxSupplyExceeded(uint256 max);
    error EmptyBatch();
    error ArrayLengthMismatch();

    /// @dev ERC-7572.
    event ContractURIUpdated();
    event DefaultRoyaltyUpdated(address receiver, uint96 feeBps);

    // Plain storage is safe next to OpenZeppelin's ERC-7201 namespaces: clones are never upgraded.
    string private _contractURI;

    modifier onlyMinter() {
        _checkMinter(_msgSender());
        _;
    }

    modifier onlyOwner() {
        _checkRole(DEFAULT_ADMIN_ROLE);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    function __CollectionBase_init(address owner_, CollectionConfig calldata config) internal onlyInitializing {
        // No admin transfer delay: the two-step transfer already protects against a mistyped address, and an owner
        // who wants a delay can schedule one.
        __AccessControlDefaultAdminRules_init(0, owner_);
        if (config.royaltyReceiver != address(0) || config.royaltyBps != 0) {
            _setDefaultRoyalty(config.royaltyReceiver, config.royaltyBps);
        }
        if (bytes(config.contractURI).length != 0) {
            _contractURI = config.contractURI;
        }
    }

    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    function setContractURI(string calldata newContractURI) external onlyOwner {
        _contractURI = newContractURI;
        emit ContractURIUpdated();
    }

    function setDefaultRoyalty(address receiver, uint96 feeBps) external onlyOwner {
        _setDefaultRoyalty(receiver, feeBps);
        emit DefaultRoyaltyUpdated(receiver, feeBps);
    }

    function supportsInterface(bytes4 interfaceId)
        public
        view
        virtual
        override(ERC2981Upgradeable, AccessControlDefaultAdminRulesUpgradeable)
        returns (bool)
    {
        return interfaceId == ERC4906_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    function _checkMinter(address account) internal view {
        if (account != owner() && !hasRole(MINTER_ROLE, account)) {
            revert NotMinter(account);
        }
    }
}
