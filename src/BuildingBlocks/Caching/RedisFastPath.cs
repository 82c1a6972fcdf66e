using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NftMarketplace.BuildingBlocks.Caching;

/// <summary>
/// Every use of Redis as a cache or fast path goes through here: each call gets a short budget
/// (<see cref="RedisOptions.OperationTimeout"/>), and a failure or time-out opens a breaker that keeps every caller
/// away from Redis for <see cref="RedisOptions.BreakDuration"/>; then one call probes it. A frozen or unreachable Redis
/// therefore costs one short wait per break, not a client time-out (seconds) per call. Callers fall back to the source
/// of truth (Postgres) or to doing without (a local rate limiter, a lost cross-replica notification).
/// </summary>
public sealed partial class RedisFastPath(
    IConnectionMultiplexer redis,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisFastPath> logger)
{
    private long _closedAtTicks;
    private int _probing;

    /// <summary>True while the breaker keeps callers away from Redis.</summary>
    public bool IsOpen => time.GetUtcNow().UtcTicks < Volatile.Read(ref _closedAtTicks);

    /// <summary>The multiplexer, for what must talk to Redis directly (pub/sub subscriptions).</summary>
    public IConnectionMultiplexer Multiplexer => redis;

    /// <summary>Runs <paramref name="operation"/> within the budget, unless the breaker is open.</summary>
    /// <returns>Whether Redis answered, and its answer.</returns>
    public async Task<(bool Answered, T? Value)> TryAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!MayCall(out var probe))
        {
            return (false, default);
        }

        try
        {
            var value = await operation(redis.GetDatabase()).WaitAsync(options.Value.OperationTimeout, time, cancellationToken).ConfigureAwait(false);
            if (probe)
            {
                Volatile.Write(ref _closedAtTicks, 0);
                LogRecovered();
            }

            return (true, value);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Open(ex);
            return (false, default);
        }
        finally
        {
            if (probe)
            {
                Volatile.Write(ref _probing, 0);
            }
        }
    }

    /// <summary>As <see cref="TryAsync{T}"/> for an operation whose answer does not matter.</summary>
    /// <returns>Whether Redis answered.</returns>
    public async Task<bool> TryRunAsync(Func<IDatabase, Task> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var (answered, _) = await TryAsync(
            async db =>
            {
                await operation(db).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    /// <summary>Closed: anyone may call. Open and past its break: one caller probes while the others keep away.</summary>
    private bool MayCall(out bool probe)
    {
        probe = false;
        var until = Volatile.Read(ref _closedAtTicks);
        if (until == 0)
        {
            return true;
        }

        if (time.GetUtcNow().UtcTicks < until)
        {
            return false;
        }

        probe = Interlocked.CompareExchange(ref _probing, 1, 0) == 0;
        return probe;
    }

    private void Open(Exception exception)
    {
        var wasClosed = Interlocked.Exchange(ref _closedAtTicks, (time.GetUtcNow() + options.Value.BreakDuration).UtcTicks) == 0;
        if (wasClosed)
        {
            LogOpened(exception, options.Value.BreakDuration);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Redis did not answer in time; it is skipped for {BreakDuration} (Postgres and local fallbacks answer)")]
    private partial void LogOpened(Exception exception, TimeSpan breakDuration);

    [LoggerMessage(LogLevel.Information, "Redis answers again")]
    private partial void LogRecovered();
}
