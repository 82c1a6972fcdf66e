using System.Net;
using System.Security.Claims;
using NftMarketplace.GraphQL.Errors;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// Every <c>subscribe</c> on a socket is a request like an HTTP one: it spends a permit of the same budget, the
/// signed-in user's once <c>connection_init</c> brought a token, else the socket's IP address's. Only the upgrade
/// passes the HTTP rate limiter, so without this one socket could send operations without limit.
/// </summary>
internal sealed class OperationRateLimit(GraphQLRateLimiter limiter)
{
    /// <summary>The error to answer the operation with when its caller's budget is spent, else null (a permit is taken).</summary>
    public GraphQLRequestError? Refuse(ClaimsPrincipal user, IPAddress? remoteAddress)
    {
        using var lease = limiter.Acquire(RateLimitKey.For(user, remoteAddress));
        return lease.IsAcquired ? null : RateLimitRefusal.Error(limiter.RetryAfter(lease));
    }
}
