using NftMarketplace.BuildingBlocks.Chain;

namespace NftMarketplace.UnitTests.Chain;

public sealed class RpcErrorClassifierTests
{
    [Theory]
    [InlineData(3, "execution reverted: custom error 0xdeadbeef")]
    [InlineData(3, "execution reverted")]
    [InlineData(-32000, "execution reverted: rate limit reached")]
    [InlineData(-32603, "Error: VM Exception while processing transaction: reverted with reason string 'x'")]
    [InlineData(-32602, "invalid digit found in string")]
    [InlineData(-32600, "Invalid request")]
    [InlineData(-32700, "Parse error")]
    [InlineData(-32003, "Transaction rejected")]
    [InlineData(-32000, "nonce too low")]
    [InlineData(-32000, "insufficient funds for gas * price + value")]
    [InlineData(-32000, "replacement transaction underpriced")]
    [InlineData(-32000, "something no classifier knows")]
    [InlineData(-32005, "query returned more than 10000 results")]
    [InlineData(-32000, "block range too large")]
    public void Errors_about_the_request_are_returned_to_the_caller(int code, string message) =>
        Assert.Equal(RpcErrorClass.Deterministic, RpcErrorClassifier.Classify(code, message));

    [Theory]
    [InlineData(-32603, "Internal error")]
    [InlineData(-32002, "Resource unavailable")]
    [InlineData(-32000, "request timed out")]
    [InlineData(-32000, "upstream connect error")]
    [InlineData(-32099, "server is busy, try again")]
    public void Errors_of_a_node_in_trouble_fail_over_and_count_against_it(int code, string message) =>
        Assert.Equal(RpcErrorClass.NodeTrouble, RpcErrorClassifier.Classify(code, message));

    [Theory]
    [InlineData(-32005, "limit exceeded")]
    [InlineData(-32000, "Too Many Requests")]
    [InlineData(-32016, "Your app has exceeded its compute units per second capacity")]
    public void Limit_errors_fail_over_as_rate_limited(int code, string message) =>
        Assert.Equal(RpcErrorClass.RateLimited, RpcErrorClassifier.Classify(code, message));

    [Theory]
    [InlineData(-32601, "Method not found")]
    [InlineData(-32004, "Method not supported")]
    [InlineData(-32000, "header not found")]
    [InlineData(-32000, "missing trie node 0xabc (path )")]
    [InlineData(-32001, "Resource not found")]
    public void Errors_one_endpoint_cannot_serve_fail_over_without_counting_against_it(int code, string message) =>
        Assert.Equal(RpcErrorClass.NotServedHere, RpcErrorClassifier.Classify(code, message));

    [Theory]
    [InlineData("eth_call", true)]
    [InlineData("eth_chainId", true)]
    [InlineData("eth_blockNumber", true)]
    [InlineData("eth_getLogs", true)]
    [InlineData("eth_getBlockByNumber", true)]
    [InlineData("eth_getTransactionReceipt", true)]
    [InlineData("eth_feeHistory", true)]
    [InlineData("eth_estimateGas", true)]
    [InlineData("eth_sendRawTransaction", true)]
    [InlineData("eth_sendTransaction", false)]
    [InlineData("eth_newFilter", false)]
    [InlineData("eth_getFilterChanges", false)]
    [InlineData("anvil_mine", false)]
    [InlineData("evm_snapshot", false)]
    public void Only_reads_and_signed_transactions_are_repeatable(string method, bool repeatable) =>
        Assert.Equal(repeatable, RpcMethods.IsRepeatable(method));
}
