using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// HTTP requests to <c>/graphql</c> (WebSocket upgrades included) spend the caller's budget of
/// <see cref="GraphQLRateLimiter"/>, per user or IP (see <see cref="RateLimitKey"/>). A refused request gets 429, a
/// <c>Retry-After</c> header and a GraphQL error with code <c>RATE_LIMITED</c> and <c>retryAfter</c>.
/// </summary>
internal sealed class GraphQLRateLimitPolicy(GraphQLRateLimiter limiter, TimeProvider time) : IRateLimiterPolicy<string>
{
    public const string Name = "graphql";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = RateLimitKey.For(httpContext.User, httpContext.Connection.RemoteIpAddress);
        return RateLimitPartition.Get(key.Value, _ => new SharedBudget(limiter, key, time));
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = limiter.RetryAfter(context.Lease);
        RetryAfterHeader.Set(http.Response, retryAfter);

        var mediaType = AcceptNegotiation.Negotiate(http.Request.Headers.Accept) ?? ResponseMediaType.Json;
        await http.RequestServices.GetRequiredService<GraphQLResponseWriter>().WriteAsync(
            http.Response,
            mediaType,
            StatusCodes.Status429TooManyRequests,
            new ExecutionResult(RateLimitRefusal.Error(retryAfter))).ConfigureAwait(false);
    }
}
