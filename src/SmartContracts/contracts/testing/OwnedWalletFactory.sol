// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {OwnedWallet} from "./OwnedWallet.sol";

/// @notice TEST ONLY: deploys `OwnedWallet`s with CREATE2, so tests have a counterfactual wallet (an address known
/// before deployment) for ERC-6492 signatures. Never deployed outside tests.
contract OwnedWalletFactory {
    /// @notice Deploys `owner`'s wallet for `salt` at `predict(owner, salt)`; reverts if it exists already.
    function deploy(address owner, bytes32 salt) external returns (address wallet) {
        wallet = address(new OwnedWallet{salt: salt}(owner));
    }

    /// @notice Where `deploy(owner, salt)` puts the wallet. The owner is part of the creation code, so another owner
    /// with the same salt gets another address.
    function predict(address owner, bytes32 salt) external view returns (address) {
        return Create2.computeAddress(salt, keccak256(abi.encodePacked(type(OwnedWallet).creationCode, abi.encode(owner))));
    }
}
