// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

/// @notice TEST ONLY: a contract wallet whose `isValidSignature` always reverts, as a broken or hostile wallet may.
contract RevertingWallet {
    error SignaturesNotAccepted();

    function isValidSignature(bytes32, bytes calldata) external pure returns (bytes4) {
        revert SignaturesNotAccepted();
    }
}
