using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.IntegrationTests.SmartContracts;

public static class Reverting
{
    /// <summary>Sends a transaction to <paramref name="contract"/> and waits for its successful receipt.</summary>
    public static async Task<TransactionReceipt> SendAsync<TFunction>(this Web3 sender, string contract, TFunction function)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(sender);
        var receipt = await sender.Eth.GetContractHandler(contract)
            .SendRequestAndWaitForReceiptAsync(function, TestContext.Current.CancellationToken)
            .WithDecodedReverts();
        await sender.EnsureSucceededAsync(receipt);
        return receipt;
    }

    public static Task<TResult> QueryAsync<TFunction, TResult>(this Web3 caller, string contract, TFunction function)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Eth.GetContractHandler(contract).QueryAsync<TFunction, TResult>(function).WithDecodedReverts();
    }

    /// <summary>Asserts the transaction is rejected with <typeparamref name="TError"/> and returns the decoded error.</summary>
    public static async Task<TError> RevertsWithAsync<TError>(Func<Task> transaction)
        where TError : class, IErrorDTO, new()
    {
        var revert = await Assert.ThrowsAsync<ContractRevertException>(transaction);
        Assert.True(revert.Is<TError>(), $"expected {typeof(TError).Name}, got: {revert.Message}");
        return revert.Decode<TError>();
    }
}
