// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICollection, CollectionConfig} from "./ICollection.sol";

/// @notice Deploys collections as EIP-1167 minimal clones of two fixed implementations with CREATE2, so a
/// collection's address is known before its transaction is mined.
/// @dev The CREATE2 salt is derived from the caller and its salt: nobody else can take a creator's address, and
/// the caller becomes the collection's owner in the same transaction that deploys it.
contract NftFactory {
    uint8 public constant STANDARD_ERC721 = 0;
    uint8 public constant STANDARD_ERC1155 = 1;

    address public immutable implementation721;
    address public immutable implementation1155;

    error UnsupportedStandard(uint8 standard);
    error CollectionAlreadyExists(address collection);
    error ImplementationWithoutCode(address implementation);

    event CollectionCreated(
        address indexed collection,
        address indexed creator,
        uint8 standard,
        string name,
        string symbol,
        address royaltyReceiver,
        uint96 royaltyBps,
        bytes32 salt,
        string contractURI,
        uint256 maxSupply
    );

    constructor(address implementation721_, address implementation1155_) {
        // A clone of an address without code would accept any initialization call and do nothing.
        if (implementation721_.code.length == 0) revert ImplementationWithoutCode(implementation721_);
        if (implementation1155_.code.length == 0) revert ImplementationWithoutCode(implementation1155_);
        implementation721 = implementation721_;
        implementation1155 = implementation1155_;
    }

    function createCollection(uint8 standard, CollectionConfig calldata config, bytes32 salt)
        external
        returns (address collection)
    {
        address implementation = implementationOf(standard);
        bytes32 creatorSalt = _creatorSalt(msg.sender, salt);
        address predicted = Clones.predictDeterministicAddress(implementation, creatorSalt);
        if (predicted.code.length != 0) revert CollectionAlreadyExists(predicted);

        collection = Clones.cloneDeterministic(implementation, creatorSalt);
        ICollection(collection).initialize(msg.sender, config);
        _announce(collection, standard, config, salt);
    }

    /// @notice The address `createCollection(standard, …, salt)` sent by `creator` deploys to.
    function predictCollectionAddress(uint8 standard, address creator, bytes32 salt) external view returns (address) {
        return Clones.predictDeterministicAddress(implementationOf(standard), _creatorSalt(creator, salt));
    }

    function implementationOf(uint8 standard) public view returns (address) {
        if (standard == STANDARD_ERC721) return implementation721;
        if (standard == STANDARD_ERC1155) return implementation1155;
        revert UnsupportedStandard(standard);
    }

    /// @dev Apart from `createCollection` to stay within the legacy code generator's stack limit.
    function _announce(address collection, uint8 standard, CollectionConfig calldata config, bytes32 salt) private {
        emit CollectionCreated(
            collection,
            msg.sender,
            standard,
            config.name,
            config.symbol,
            config.royaltyReceiver,
            config.royaltyBps,
            salt,
            config.contractURI,
            config.maxSupply
        );
    }

    function _creatorSalt(address creator, bytes32 salt) private pure returns (bytes32) {
        return keccak256(abi.encode(creator, salt));
    }
}
