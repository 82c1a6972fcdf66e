using GraphQL;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>
/// A request refused before the GraphQL engine saw it (bad JSON, wrong content type, too large, rate limited),
/// carrying the code the client sees.
/// </summary>
public sealed class GraphQLRequestError(ErrorCode code, string message) : ExecutionError(message)
{
    public ErrorCode ErrorCode { get; } = code;

    /// <summary>For <c>RATE_LIMITED</c>: how long to wait before retrying, shown as <c>extensions.retryAfter</c> (seconds).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
