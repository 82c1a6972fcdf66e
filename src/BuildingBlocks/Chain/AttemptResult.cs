namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>How one attempt on one endpoint went.</summary>
internal sealed class AttemptResult
{
    private AttemptResult(object? answer, ChainRpcFailureKind? failure, string? detail, bool countsAgainstEndpoint, bool mayHaveReachedNode, bool isRpcError)
    {
        Answer = answer;
        Failure = failure;
        Detail = detail;
        CountsAgainstEndpoint = countsAgainstEndpoint;
        MayHaveReachedNode = mayHaveReachedNode;
        IsRpcError = isRpcError;
    }

    public static AttemptResult TimedOut { get; } = Failed(ChainRpcFailureKind.Timeout, null, countsAgainstEndpoint: true, mayHaveReachedNode: true);

    /// <summary>
    /// The JSON-RPC answer: an <see cref="Nethereum.JsonRpc.Client.RpcMessages.RpcResponseMessage"/> or an array of
    /// them (a batch). Also kept for <see cref="ChainRpcFailureKind.NotServedHere"/>, the answer to give when no
    /// endpoint serves the request.
    /// </summary>
    public object? Answer { get; }

    /// <summary>Null when the endpoint answered (a result or a deterministic error).</summary>
    public ChainRpcFailureKind? Failure { get; }

    public string? Detail { get; }

    /// <summary>Whether the endpoint's circuit breaker counts this as a failure.</summary>
    public bool CountsAgainstEndpoint { get; }

    /// <summary>Whether the request may have been processed although its answer was lost.</summary>
    public bool MayHaveReachedNode { get; }

    /// <summary>The answer is a deterministic JSON-RPC error.</summary>
    public bool IsRpcError { get; }

    public static AttemptResult Answered(object answer, bool isRpcError) =>
        new(answer, failure: null, detail: null, countsAgainstEndpoint: false, mayHaveReachedNode: true, isRpcError);

    public static AttemptResult Failed(
        ChainRpcFailureKind kind, string? detail, bool countsAgainstEndpoint, bool mayHaveReachedNode, object? answer = null) =>
        new(answer, kind, detail, countsAgainstEndpoint, mayHaveReachedNode, isRpcError: false);
}
