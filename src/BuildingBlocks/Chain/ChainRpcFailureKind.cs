namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>Why an attempt on one endpoint did not give the call its answer.</summary>
public enum ChainRpcFailureKind
{
    /// <summary>No connection (refused, unreachable, name not resolved, TLS failed) or it broke mid-exchange.</summary>
    Connection,

    /// <summary>No answer within <see cref="ChainRpcOptions.AttemptTimeout"/> (or the rest of the budget).</summary>
    Timeout,

    /// <summary>An HTTP status other than success and 429, without a JSON-RPC answer.</summary>
    HttpStatus,

    /// <summary>HTTP 429, or a JSON-RPC limit error (e.g. -32005).</summary>
    RateLimited,

    /// <summary>A JSON-RPC error that means the node is in trouble (e.g. -32603 internal error), not the request.</summary>
    NodeError,

    /// <summary>The endpoint cannot serve this request though another may: method not offered, block not (yet or still) held.</summary>
    NotServedHere,

    /// <summary>A success status with a body that is not a JSON-RPC response.</summary>
    InvalidResponse,
}

/// <summary>One attempt of a call on one endpoint.</summary>
/// <param name="Endpoint">The endpoint's display name (never its URL).</param>
/// <param name="Failure">Why the attempt failed; null when the endpoint answered (with a result or a deterministic error).</param>
/// <param name="Detail">e.g. <c>HTTP 503</c>, <c>ConnectionError/ConnectionRefused</c>, <c>-32603 internal error</c>.</param>
public sealed record ChainRpcAttempt(string Endpoint, ChainRpcFailureKind? Failure, string? Detail, TimeSpan Duration)
{
    public override string ToString() =>
        Failure is null
            ? $"{Endpoint} answered in {Duration.TotalMilliseconds:F0} ms"
            : $"{Endpoint} {Failure}{(Detail is null ? "" : $" ({Detail})")} after {Duration.TotalMilliseconds:F0} ms";
}
