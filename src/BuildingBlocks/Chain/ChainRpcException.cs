using System.Globalization;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>A chain RPC call that did not return a result, with every attempt it made.</summary>
public abstract class ChainRpcException : Exception
{
    protected ChainRpcException(ChainId chain, string method, IReadOnlyList<ChainRpcAttempt> attempts, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Chain = chain;
        Method = method;
        Attempts = attempts;
    }

    public ChainId Chain { get; }

    public string Method { get; }

    public IReadOnlyList<ChainRpcAttempt> Attempts { get; }

    /// <summary>Display names of the endpoints tried, in the order first tried.</summary>
    public IReadOnlyList<string> EndpointsTried => [.. Attempts.Select(a => a.Endpoint).Distinct(StringComparer.Ordinal)];

    private protected static string Describe(IReadOnlyList<ChainRpcAttempt> attempts) =>
        attempts.Count == 0 ? "no endpoint was tried" : string.Join("; ", attempts);
}

/// <summary>
/// The node answered with a JSON-RPC error that another endpoint would answer the same way (a revert, invalid
/// parameters, a rejected transaction): it was not retried.
/// </summary>
public sealed class ChainRpcErrorException : ChainRpcException
{
    /// <summary>The code nodes use for a revert that carries data (EIP-1474 has none; geth, Anvil and others use 3).</summary>
    public const int RevertCode = 3;

    public ChainRpcErrorException(
        ChainId chain, string method, IReadOnlyList<ChainRpcAttempt> attempts, int code, string rpcMessage, string? data)
        : base(chain, method, attempts, string.Create(CultureInfo.InvariantCulture, $"{method} on {chain} failed: {code} {rpcMessage}"))
    {
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    public int Code { get; }

    /// <summary>The node's message, e.g. <c>execution reverted: custom error 0x…</c>.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's <c>data</c>: the revert data for a revert, else whatever the node sent (as JSON when not a string).</summary>
    public string? ErrorData { get; }

    public bool IsRevert => Code == RevertCode || RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);

    /// <summary>The revert data (selector and ABI-encoded arguments, or <c>0x</c>) when this is a revert that carries it.</summary>
    public Hex? RevertData => IsRevert && Hex.TryParse(ErrorData, out var data) ? data : null;
}

/// <summary>No endpoint of the chain gave an answer within the budget: each failed, hung, was skipped or there were none.</summary>
public sealed class ChainUnavailableException : ChainRpcException
{
    public ChainUnavailableException(
        ChainId chain, string method, IReadOnlyList<ChainRpcAttempt> attempts, string reason, bool mayHaveReachedNode, Exception? innerException = null)
        : base(chain, method, attempts, $"No endpoint of {chain} answered {method}: {reason}. Attempts: {Describe(attempts)}.", innerException)
    {
        MayHaveReachedNode = mayHaveReachedNode;
    }

    /// <summary>
    /// True when an attempt may have been processed though its answer was lost (a time-out, a server error). Matters
    /// only for calls with an effect (e.g. <c>eth_sendTransaction</c>), which are then not repeated elsewhere.
    /// </summary>
    public bool MayHaveReachedNode { get; }
}
