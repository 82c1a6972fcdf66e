using System.Threading.RateLimiting;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// One caller's budget of <see cref="GraphQLRateLimiter"/> as the ASP.NET Core rate limiter middleware wants it: a
/// limiter per partition. The middleware keeps and drops these views as it likes; the budget lives on in the shared
/// limiter, where WebSocket operations spend it too.
/// </summary>
internal sealed class SharedBudget(GraphQLRateLimiter limiter, RateLimitKey key, TimeProvider time) : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    // Reported so the middleware forgets views nobody used for a while; forgetting one loses nothing.
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        // The middleware asks for one permit per request; anything else is not a request of this budget's kind.
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        return limiter.Acquire(key);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}
