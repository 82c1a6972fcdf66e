// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.34;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @notice Whether `signature` is `signer`'s over `hash`, for an EOA (ecrecover), a deployed contract wallet
/// (ERC-1271) or one not deployed yet (an ERC-6492 wrapper carrying the call that deploys it).
/// @dev Deployless: never deployed, but run as the creation code of an `eth_call` without `to` (data = creation code
/// ‖ abi.encode(signer, hash, signature)). The constructor returns one byte, 0x01 valid or 0x00 invalid, instead of
/// runtime code, so the wallet it deploys for a wrapped signature exists only within that call and nothing is ever
/// written to the chain. A wrapper whose factory call fails, or does not deploy the signer, reverts.
contract SignatureValidator6492 {
    /// @dev ERC-6492's `magicBytes`: the last 32 bytes of every wrapped signature.
    bytes32 private constant ERC6492_SUFFIX = 0x6492649264926492649264926492649264926492649264926492649264926492;

    /// @dev What `isValidSignature` returns for a valid signature, as the full ABI word: the selector followed by 28
    /// zero bytes. Comparing the whole word refuses a wallet that returns the selector with anything after it.
    bytes32 private constant ERC1271_MAGIC_WORD = bytes32(IERC1271.isValidSignature.selector);

    /// @notice The wrapper's factory call reverted (with `reason`) while the signer had no code.
    error FactoryCallFailed(address factory, bytes reason);

    /// @notice The wrapper's factory call succeeded but left no code at the signer: it deploys some other wallet.
    error SignerNotDeployed(address signer);

    constructor(address signer, bytes32 hash, bytes memory signature) {
        bool valid = _isValid(signer, hash, signature);
        assembly ("memory-safe") {
            mstore(0, valid)
            return(31, 1)
        }
    }

    /// @dev In ERC-6492's order: the wrapper first (so a wrapped signature stays valid after the wallet is deployed),
    /// then ERC-1271 wherever there is code, and ecrecover only for an address without code.
    function _isValid(address signer, bytes32 hash, bytes memory signature) private returns (bool) {
        if (!_isWrapped(signature)) {
            return signer.code.length == 0 ? _isValidEcdsa(signer, hash, signature) : _isValidErc1271(signer, hash, signature);
        }

        (address factory, bytes memory factoryCalldata, bytes memory innerSignature) =
            abi.decode(_withoutSuffix(signature), (address, bytes, bytes));
        if (signer.code.length == 0) {
            (bool deployed, bytes memory reason) = factory.call(factoryCalldata);
            if (!deployed) revert FactoryCallFailed(factory, reason);
            if (signer.code.length == 0) revert SignerNotDeployed(signer);
            return _isValidErc1271(signer, hash, innerSignature);
        }

        // Deployed already, so the live wallet decides (its keys may have rotated since). A "no" may mean it is not
        // ready to verify yet: ERC-6492 then has the wrapper's call prepare it (e.g. a migration) and asks once more.
        if (_isValidErc1271(signer, hash, innerSignature)) return true;
        (bool prepared,) = factory.call(factoryCalldata);
        return prepared && _isValidErc1271(signer, hash, innerSignature);
    }

    function _isWrapped(bytes memory signature) private pure returns (bool wrapped) {
        uint256 length = signature.length;
        if (length < 32) return false;
        bytes32 tail;
        assembly ("memory-safe") {
            tail := mload(add(signature, length))
        }
        return tail == ERC6492_SUFFIX;
    }

    /// @dev Drops the suffix by shortening `signature` in place: it is not read again, and a copy of what may be
    /// kilobytes of calldata would only cost gas.
    function _withoutSuffix(bytes memory signature) private pure returns (bytes memory) {
        assembly ("memory-safe") {
            mstore(signature, sub(mload(signature), 32))
        }
        return signature;
    }

    function _isValidErc1271(address signer, bytes32 hash, bytes memory signature) private view returns (bool) {
        bytes memory data = abi.encodeCall(IERC1271.isValidSignature, (hash, signature));
        bool success;
        uint256 returned;
        bytes32 word;
        assembly ("memory-safe") {
            // A wallet that reverts or returns anything but exactly one word is not saying "valid".
            success := staticcall(gas(), signer, add(data, 0x20), mload(data), 0, 0x20)
            returned := returndatasize()
            word := mload(0)
        }
        return success && returned == 32 && word == ERC1271_MAGIC_WORD;
    }

    /// @dev OpenZeppelin's recovery refuses high-s signatures, as the backend's own EIP-191 recovery does.
    function _isValidEcdsa(address signer, bytes32 hash, bytes memory signature) private pure returns (bool) {
        (address recovered, ECDSA.RecoverError error,) = ECDSA.tryRecover(hash, signature);
        return error == ECDSA.RecoverError.NoError && recovered == signer;
    }
}
