namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>What a JSON-RPC error says about where the fault lies.</summary>
internal enum RpcErrorClass
{
    /// <summary>The request itself: every endpoint would answer the same, so the caller gets it at once.</summary>
    Deterministic,

    /// <summary>The node is in trouble: try another endpoint, and count it against this one.</summary>
    NodeTrouble,

    /// <summary>The endpoint refuses for load: try another, and count it against this one.</summary>
    RateLimited,

    /// <summary>This endpoint cannot serve the request but is healthy: try another without holding it against this one.</summary>
    NotServedHere,
}

/// <summary>
/// Sorts JSON-RPC errors by code (EIP-1474 and what nodes do in practice) and, for the implementation-defined codes
/// nodes reuse for everything (-32000), by message.
/// </summary>
internal static class RpcErrorClassifier
{
    // A revert reason is free text ("execution reverted: rate limit"), so it is recognised before anything else.
    private static readonly string[] RevertMarkers = ["revert"];

    // A query the endpoint will not run at this size: the caller must narrow it, not send it elsewhere.
    private static readonly string[] QueryTooLargeMarkers =
        ["more than", "block range", "range too large", "too many blocks", "too many results", "response size"];

    private static readonly string[] RateLimitMarkers =
        ["rate limit", "too many requests", "limit exceeded", "exceeded the quota", "capacity", "throttl", "compute units"];

    // A lagging or pruned node: another endpoint may have the block or the state.
    private static readonly string[] NotServedHereMarkers =
        ["header not found", "unknown block", "missing trie node", "not synced", "syncing"];

    private static readonly string[] NodeTroubleMarkers =
        ["internal error", "timeout", "timed out", "unavailable", "overload", "busy", "try again", "backend", "upstream", "bad gateway"];

    public static RpcErrorClass Classify(int code, string? message)
    {
        var text = message ?? "";
        if (code == ChainRpcErrorException.RevertCode || ContainsAny(text, RevertMarkers))
        {
            return RpcErrorClass.Deterministic;
        }

        return code switch
        {
            -32700 or -32600 or -32602 => RpcErrorClass.Deterministic, // parse error, invalid request, invalid params
            -32003 => RpcErrorClass.Deterministic, // transaction rejected
            -32601 or -32004 or -32006 => RpcErrorClass.NotServedHere, // method not found / not supported, version not supported
            -32001 => RpcErrorClass.NotServedHere, // resource not found
            -32002 => RpcErrorClass.NodeTrouble, // resource unavailable
            -32005 => ContainsAny(text, QueryTooLargeMarkers) ? RpcErrorClass.Deterministic : RpcErrorClass.RateLimited, // limit exceeded
            -32603 => RpcErrorClass.NodeTrouble, // internal error
            _ => ByMessage(text),
        };
    }

    private static RpcErrorClass ByMessage(string message)
    {
        if (ContainsAny(message, QueryTooLargeMarkers))
        {
            return RpcErrorClass.Deterministic;
        }

        if (ContainsAny(message, RateLimitMarkers))
        {
            return RpcErrorClass.RateLimited;
        }

        if (ContainsAny(message, NotServedHereMarkers))
        {
            return RpcErrorClass.NotServedHere;
        }

        // Anything unrecognised is the node's considered answer ("nonce too low", "insufficient funds", …): repeating it
        // elsewhere would at best waste the budget and at worst count a healthy endpoint as failing.
        return ContainsAny(message, NodeTroubleMarkers) ? RpcErrorClass.NodeTrouble : RpcErrorClass.Deterministic;
    }

    private static bool ContainsAny(string text, string[] markers) =>
        markers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
