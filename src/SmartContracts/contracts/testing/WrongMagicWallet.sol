// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

/// @notice TEST ONLY: answers every `isValidSignature` with a word that starts with ERC-1271's magic value
/// 0x1626ba7e but has a non-zero tail. A verifier that compares only the first four bytes would take it as valid.
contract WrongMagicWallet {
    function isValidSignature(bytes32, bytes calldata) external pure returns (bytes4) {
        assembly ("memory-safe") {
            mstore(0, 0x1626ba7e00000000000000000000000000000000000000000000000000000001)
            return(0, 32)
        }
    }
}
