using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>The one error a caller past its budget gets, over HTTP and over a WebSocket alike.</summary>
internal static class RateLimitRefusal
{
    public const string Message = "Too many requests; slow down and retry after the number of seconds in extensions.retryAfter.";

    public static GraphQLRequestError Error(TimeSpan retryAfter) =>
        new(ErrorCode.RateLimited, Message) { RetryAfter = retryAfter };
}
