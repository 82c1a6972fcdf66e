using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.Modules.Wallets.Contracts;
using StackExchange.Redis;

namespace NftMarketplace.Modules.Wallets.Approvals;

/// <summary>
/// Cache-aside over <c>wallet:approvals:cache:{walletId}:{chainId}</c>: readers fill it from Postgres, writers delete
/// it once their change has committed (<see cref="BuildingBlocks.Persistence.ModuleDbContext.AfterCommit"/>): deleting
/// before the commit would let a reader cache the old rows again in between. When Redis is down the cache steps
/// aside; a delete lost that way, or a reader filling the entry from a snapshot older than a concurrent commit, is
/// bounded by the entry's lifetime.
/// </summary>
internal sealed partial class ApprovalsCache(VersionedCache cache, RedisFastPath redis, ILogger<ApprovalsCache> logger)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    public Task<IReadOnlyList<WalletApprovalDto>> GetOrLoadAsync(
        ApprovalsKey key, Func<CancellationToken, Task<IReadOnlyList<WalletApprovalDto>>> load, CancellationToken cancellationToken) =>
        cache.GetOrSetAsync(key.RedisKey, Ttl, load, cancellationToken);

    public async Task InvalidateAsync(IReadOnlyList<ApprovalsKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        if (!await redis.TryRunAsync(store => store.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k.RedisKey)])))
        {
            LogNotInvalidated(keys.Count);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Redis is unavailable; {Count} cached approval list(s) stay stale until they expire")]
    private partial void LogNotInvalidated(int count);
}
