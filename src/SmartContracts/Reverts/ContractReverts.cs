using System.Diagnostics.CodeAnalysis;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace NftMarketplace.SmartContracts.Reverts;

/// <summary>Turns what Nethereum throws for a revert into a <see cref="ContractRevertException"/>.</summary>
public static class ContractReverts
{
    // The two errors Solidity itself reverts with, which no artifact ABI lists.
    private const string BuiltInErrorsAbi = """
        [
          { "type": "error", "name": "Error", "inputs": [{ "name": "message", "type": "string" }] },
          { "type": "error", "name": "Panic", "inputs": [{ "name": "code", "type": "uint256" }] }
        ]
        """;

    // A factory call can revert with a collection's error (its initializer runs inside createCollection), so every
    // artifact's errors are candidates, whichever contract was called.
    private static readonly Lazy<List<ErrorABI>> KnownErrors = new(() =>
        [.. ContractArtifact.All.SelectMany(a => a.Abi.Errors)
            .Concat(new ABIJsonDeserialiser().DeserialiseContract(BuiltInErrorsAbi).Errors)
            .DistinctBy(e => e.Sha3Signature)]);

    /// <summary>Decodes revert data (selector and ABI-encoded arguments).</summary>
    public static ContractRevertException Decode(string revertData, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(revertData);
        var error = revertData.Length >= 10 ? ErrorExtensions.FindErrorABIForExceptionData(KnownErrors.Value, revertData) : null;
        if (error is null)
        {
            return new ContractRevertException("", [], revertData, innerException);
        }

        var arguments = error.DecodeExceptionEncodedDataToDefault(revertData)
            .Select(p => new ContractErrorArgument(p.Parameter.Name, p.Parameter.Type, p.Result))
            .ToList();
        return new ContractRevertException(error.Name, arguments, revertData, innerException);
    }

    /// <summary>The revert an exception from Nethereum carries, if it carries one.</summary>
    public static bool TryDecode(Exception exception, [NotNullWhen(true)] out ContractRevertException? revert)
    {
        ArgumentNullException.ThrowIfNull(exception);
        revert = exception as ContractRevertException
            ?? (RevertDataOf(exception) is { } data ? Decode(data, exception) : null);
        return revert is not null;
    }

    /// <summary>Awaits a call or transaction, turning a revert into a <see cref="ContractRevertException"/>.</summary>
    public static async Task<T> WithDecodedReverts<T>(this Task<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (TryDecode(ex, out var revert))
        {
            throw revert;
        }
    }

    /// <summary>
    /// Throws the <see cref="ContractRevertException"/> of a transaction mined as failed (e.g. sent with a fixed gas
    /// limit, so no estimate caught the revert first), found by replaying it as a call.
    /// </summary>
    /// <remarks>
    /// The replay runs on the state after the transaction's block: exact when the transaction is the block's only
    /// one touching the contract, as on a dev chain; close enough to name the error elsewhere.
    /// </remarks>
    public static async Task EnsureSucceededAsync(this IWeb3 web3, TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Succeeded())
        {
            return;
        }

        string reason;
        try
        {
            reason = await web3.Eth.GetContractTransactionErrorReason.SendRequestAsync(receipt.TransactionHash).ConfigureAwait(false);
        }
        catch (Exception ex) when (TryDecode(ex, out var revert))
        {
            throw revert;
        }

        throw string.IsNullOrEmpty(reason)
            ? new ContractRevertException("", [], "0x", null)
            : new ContractRevertException("Error", [new ContractErrorArgument("message", "string", reason)], "0x", null);
    }

    private static string? RevertDataOf(Exception exception) => exception switch
    {
        ContractRevertException revert => revert.RevertData,
        SmartContractCustomErrorRevertException custom => custom.ExceptionEncodedData,
        SmartContractRevertException revertString => revertString.EncodedData,
        RpcResponseException rpc when rpc.RpcError.GetDataAsString() is { } data && data.StartsWith("0x", StringComparison.Ordinal) => data,
        _ => exception.InnerException is { } inner ? RevertDataOf(inner) : null,
    };
}
