using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// A token bucket per user or IP (see <see cref="RateLimitKey"/>) holding a window's permits and refilled in
/// steps over the window, so a caller may burst up to its budget but not sustain more. A refused request gets
/// 429, a <c>Retry-After</c> header and a GraphQL error with code <c>RATE_LIMITED</c>.
/// </summary>
internal sealed class GraphQLRateLimitPolicy(GraphQLRateLimitOptions options) : IRateLimiterPolicy<string>
{
    public const string Name = "graphql";

    // Refilled in six steps: a spent budget comes back gradually rather than all at once at a window's edge.
    private const int RefillsPerWindow = 6;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = RateLimitKey.For(httpContext.User, httpContext.Connection.RemoteIpAddress);
        var permits = key.IsUser ? options.PerUserPermits : options.PerIpPermits;
        return RateLimitPartition.GetTokenBucketLimiter(key.Value, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = (int)Math.Ceiling(permits / (double)RefillsPerWindow),
            ReplenishmentPeriod = RefillPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private TimeSpan RefillPeriod => options.Window / RefillsPerWindow;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : RefillPeriod;
        RetryAfterHeader.Set(http.Response, retryAfter);

        var mediaType = AcceptNegotiation.Negotiate(http.Request.Headers.Accept) ?? ResponseMediaType.Json;
        await http.RequestServices.GetRequiredService<GraphQLResponseWriter>().WriteErrorAsync(
            http.Response,
            mediaType,
            StatusCodes.Status429TooManyRequests,
            ErrorCode.RateLimited,
            "Too many requests; slow down and retry after the time in the Retry-After header.").ConfigureAwait(false);
    }
}
