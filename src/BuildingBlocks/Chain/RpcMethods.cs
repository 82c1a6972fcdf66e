using System.Collections.Frozen;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>Which JSON-RPC methods may be sent again, to the same or another endpoint, when an answer is lost.</summary>
internal static class RpcMethods
{
    public const string SendRawTransaction = "eth_sendRawTransaction";
    public const string GetTransactionByHash = "eth_getTransactionByHash";

    // Reads, plus eth_sendRawTransaction: the same signed bytes are the same transaction (same hash), so a node that
    // already has it answers "already known" or, once it is mined, "nonce too low"; the client turns both into the
    // hash when the transaction is indeed the one on chain.
    private static readonly FrozenSet<string> Repeatable = new[]
    {
        "eth_chainId", "net_version", "net_listening", "net_peerCount", "web3_clientVersion", "eth_protocolVersion",
        "eth_syncing", "eth_blockNumber", "eth_call", "eth_estimateGas", "eth_createAccessList", "eth_feeHistory",
        "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_blobBaseFee", SendRawTransaction,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True for reads and <c>eth_sendRawTransaction</c>. Filters (<c>eth_newFilter</c>, <c>eth_getFilterChanges</c>, …)
    /// live on one node, so they are not; neither is anything with an effect the node itself decides, like
    /// <c>eth_sendTransaction</c> (the node picks the nonce: a resend could be a second transaction).
    /// </summary>
    public static bool IsRepeatable(string method) =>
        Repeatable.Contains(method)
        || (method.StartsWith("eth_get", StringComparison.Ordinal) && !method.Contains("Filter", StringComparison.Ordinal))
        || method.StartsWith("debug_trace", StringComparison.Ordinal)
        || method.StartsWith("trace_", StringComparison.Ordinal);
}
