using System.Globalization;
using Microsoft.Extensions.Logging;
using Nethereum.Contracts;
using Nethereum.Contracts.MessageEncodingServices;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts.Signatures;

namespace NftMarketplace.Modules.Auth.Signatures;

/// <summary>
/// Whether an address signed a <c>personal_sign</c> message: an externally owned account (EIP-191), a deployed
/// contract wallet (EIP-1271) or one not deployed yet (EIP-6492). The usual EOA signature is checked offline; the
/// others ask the chain with read-only calls, so verifying never changes it.
/// </summary>
internal sealed class SignatureVerifier(IChainRpcClientFactory chains, ILogger<SignatureVerifier> logger)
{
    /// <summary>
    /// The longest signature considered. Far above what wallets produce (a few hundred bytes for a wrapped passkey
    /// signature with its factory call), and low enough that nobody can make the chain run kilobytes of calldata for us.
    /// </summary>
    public const int MaxSignatureLength = 8 * 1024;

    private const string DoesNotMatch = "signature does not match the address";
    private const string WalletRejected = "the contract wallet rejected the signature";
    private const string WalletFailed = "the contract wallet failed to check the signature";
    private const string MalformedWrapper = "the EIP-6492 signature is malformed";
    private const string FactoryFailed = "the EIP-6492 signature's wallet deployment failed";
    private const string DeploysAnotherWallet = "the EIP-6492 signature deploys a wallet at another address";

    // Gas for each eth_call: plenty to deploy a smart wallet and run its check (even P-256 in Solidity), and a bound on
    // what a hostile factory or wallet can make a node burn for us where the node's own cap is high or absent.
    private static readonly HexBigInteger CallGas = new(10_000_000);

    private static readonly string TooLong =
        string.Create(CultureInfo.InvariantCulture, $"the signature is longer than {MaxSignatureLength} bytes");

    /// <summary>Checks that <paramref name="address"/> signed <paramref name="message"/> (EIP-191 <c>personal_sign</c>).</summary>
    /// <param name="chainId">The EVM chain the contract wallet lives on (the SIWE message's chain).</param>
    /// <returns>The verdict; an invalid signature is a result, not an exception.</returns>
    /// <exception cref="AppException"><see cref="ErrorCode.Internal"/>: the chain could not be asked, so there is no verdict.</exception>
    /// <exception cref="ArgumentException"><paramref name="chainId"/> is not an eip155 chain.</exception>
    public async Task<SignatureVerification> VerifyAsync(
        ChainId chainId, Address address, string message, ReadOnlyMemory<byte> signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        ArgumentNullException.ThrowIfNull(message);
        if (!chainId.IsEip155)
        {
            throw new ArgumentException($"Signatures are verified on EVM (eip155) chains, not {chainId}.", nameof(chainId));
        }

        var wrapped = Eip6492.IsWrapped(signature.Span);
        if (signature.Length > MaxSignatureLength)
        {
            return SignatureVerification.Invalid(wrapped ? SignatureMethod.Eip6492 : SignatureMethod.Eip1271, TooLong);
        }

        var hash = Eip191.Hash(message);
        if (wrapped)
        {
            return await VerifyWrappedAsync(chainId, address, hash, signature, ct).ConfigureAwait(false);
        }

        // Most sign-ins are EOAs: settled without a round trip to the chain.
        if (Eip191.TryRecover(hash, signature.Span, out var signer) && signer == address)
        {
            return SignatureVerification.Valid(SignatureMethod.Eip191);
        }

        return await VerifyWithContractAsync(chainId, address, hash, signature, ct).ConfigureAwait(false);
    }

    /// <summary>EIP-6492: the validator's creation code runs in an eth_call, deploying the wallet only within that call.</summary>
    private async Task<SignatureVerification> VerifyWrappedAsync(
        ChainId chainId, Address address, byte[] hash, ReadOnlyMemory<byte> signature, CancellationToken ct)
    {
        // The validator would revert on it too, but this answers without a call and with a clearer reason.
        if (!Eip6492.TryUnwrap(signature.Span, out _))
        {
            return SignatureVerification.Invalid(SignatureMethod.Eip6492, MalformedWrapper);
        }

        var validator = new SignatureValidator6492Deployment
        {
            Signer = address.Value,
            Hash = hash,
            Signature = signature.ToArray(),
        };
        var call = new CallInput
        {
            Data = new DeploymentMessageEncodingService<SignatureValidator6492Deployment>().GetDeploymentData(validator),
            Gas = CallGas,
        };

        Hex result;
        try
        {
            result = await CallAsync(chainId, call, ct).ConfigureAwait(false);
        }
        catch (ChainRpcErrorException e)
        {
            return SignatureVerification.Invalid(SignatureMethod.Eip6492, WrappedFailure(chainId, address, e));
        }

        return result.ToBytes() switch
        {
            [SignatureValidator6492.Valid] => SignatureVerification.Valid(SignatureMethod.Eip6492),
            [SignatureValidator6492.Invalid] => SignatureVerification.Invalid(SignatureMethod.Eip6492, WalletRejected),
            _ => UnexpectedValidatorResult(chainId, address, result),
        };
    }

    /// <summary>EIP-1271 where the address has code; where it has none, the failed recovery was the answer.</summary>
    private async Task<SignatureVerification> VerifyWithContractAsync(
        ChainId chainId, Address address, byte[] hash, ReadOnlyMemory<byte> signature, CancellationToken ct)
    {
        if (!await HasCodeAsync(chainId, address, ct).ConfigureAwait(false))
        {
            return SignatureVerification.Invalid(SignatureMethod.Eip191, DoesNotMatch);
        }

        var call = new IsValidSignatureFunction { Hash = hash, Signature = signature.ToArray() }.CreateCallInput(address.Value);
        call.Gas = CallGas;

        Hex result;
        try
        {
            result = await CallAsync(chainId, call, ct).ConfigureAwait(false);
        }
        catch (ChainRpcErrorException e)
        {
            // A revert, or the call running out of gas: either way the wallet did not say yes.
            logger.LogDebug("isValidSignature of {Address} on {Chain} failed: {Code} {Message}", address, chainId, e.Code, e.RpcMessage);
            return SignatureVerification.Invalid(SignatureMethod.Eip1271, WalletFailed);
        }

        // The whole word, not just its first four bytes: a wallet returning the selector with a non-zero tail is not
        // following EIP-1271, and taking that as a yes would accept whatever garbage it returns.
        return result.ToBytes().AsSpan().SequenceEqual(IsValidSignatureFunction.MagicWord)
            ? SignatureVerification.Valid(SignatureMethod.Eip1271)
            : SignatureVerification.Invalid(SignatureMethod.Eip1271, WalletRejected);
    }

    private string WrappedFailure(ChainId chainId, Address address, ChainRpcErrorException error)
    {
        var revertData = error.RevertData?.ToBytes() ?? [];
        switch (SignatureValidator6492.ErrorName(revertData))
        {
            case SignatureValidator6492.FactoryCallFailedError:
                return FactoryFailed;
            case SignatureValidator6492.SignerNotDeployedError:
                return DeploysAnotherWallet;
            default:
                logger.LogDebug(
                    "The EIP-6492 validator for {Address} on {Chain} failed: {Code} {Message}", address, chainId, error.Code, error.RpcMessage);
                return error.IsRevert ? MalformedWrapper : WalletFailed;
        }
    }

    // Cannot happen with the committed validator: a node that does not run creation code in eth_call would explain it.
    private SignatureVerification UnexpectedValidatorResult(ChainId chainId, Address address, Hex result)
    {
        logger.LogWarning(
            "The EIP-6492 validator for {Address} on {Chain} returned {Length} bytes, not 0x01 or 0x00; taken as invalid",
            address, chainId, result.Length);
        return SignatureVerification.Invalid(SignatureMethod.Eip6492, WalletFailed);
    }

    private async Task<bool> HasCodeAsync(ChainId chainId, Address address, CancellationToken ct)
    {
        var client = chains.GetClient(chainId);
        try
        {
            var code = await client.SendAsync<string>(
                new EthGetCode(client).BuildRequest(address.Value, BlockParameter.CreateLatest()), ct).ConfigureAwait(false);
            return Hex.TryParse(code, out var bytes) && !bytes.IsEmpty;
        }
        catch (ChainRpcException e)
        {
            // Even a deterministic error leaves us not knowing whether a wallet is there: no verdict either way.
            throw Unreachable(chainId, e);
        }
    }

    /// <summary>An eth_call; a deterministic error (e.g. a revert) is the caller's to judge, anything else has no verdict.</summary>
    private async Task<Hex> CallAsync(ChainId chainId, CallInput call, CancellationToken ct)
    {
        try
        {
            return await chains.GetClient(chainId).CallAsync(call, BlockParameter.CreateLatest(), ct).ConfigureAwait(false);
        }
        catch (ChainUnavailableException e)
        {
            throw Unreachable(chainId, e);
        }
    }

    private AppException Unreachable(ChainId chainId, ChainRpcException error)
    {
        logger.LogWarning(error, "Could not check a contract wallet's signature on {Chain}", chainId);
        return new AppException(
            ErrorCode.Internal,
            $"Could not reach chain {chainId} to check the contract wallet's signature; try again.",
            inner: error);
    }
}
