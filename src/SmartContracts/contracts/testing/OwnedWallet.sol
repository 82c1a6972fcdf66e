// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @notice TEST ONLY: the smallest ERC-1271 contract wallet, one fixed EOA owner whose signature is the wallet's.
/// Lets tests check contract-wallet sign-in against a real `isValidSignature`; never deployed outside tests.
contract OwnedWallet is IERC1271 {
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @return 0x1626ba7e when `signature` is the owner's over `hash`, else 0xffffffff (ERC-1271's "invalid").
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError error,) = ECDSA.tryRecoverCalldata(hash, signature);
        return error == ECDSA.RecoverError.NoError && recovered == owner ? this.isValidSignature.selector : bytes4(0xffffffff);
    }
}
