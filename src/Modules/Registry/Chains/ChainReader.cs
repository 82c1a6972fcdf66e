using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Domain;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>
/// Reads chains cache-aside: the chain's version comes from Postgres (the source of truth, one indexed lookup), the rest
/// from <c>cache:chains:{chainId}:{version}</c> (EX 60). Every change moves the version, so readers switch to a new key
/// the moment the change commits; stale keys expire on their own.
/// </summary>
internal sealed class ChainReader(RegistryDbContext db, VersionedCache cache)
{
    public async Task<ChainSnapshot?> GetAsync(string caip2, CancellationToken cancellationToken)
    {
        var version = await db.Chains.AsNoTracking()
            .Where(c => c.Caip2 == caip2)
            .Select(c => (long?)c.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : await CachedAsync(caip2, version.Value, cancellationToken);
    }

    /// <summary>Every chain: one query for the versions, then one cache read per chain (a load only on a miss).</summary>
    public async Task<IReadOnlyList<ChainSnapshot>> GetAllAsync(CancellationToken cancellationToken)
    {
        var versions = await db.Chains.AsNoTracking()
            .OrderBy(c => c.Caip2)
            .Select(c => new { c.Caip2, c.Version })
            .ToListAsync(cancellationToken);
        var snapshots = new List<ChainSnapshot>(versions.Count);
        foreach (var chain in versions)
        {
            if (await CachedAsync(chain.Caip2, chain.Version, cancellationToken) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
        }

        return snapshots;
    }

    private Task<ChainSnapshot?> CachedAsync(string caip2, long version, CancellationToken cancellationToken) =>
        cache.GetOrSetAsync(
            RedisKeys.ChainRegistry(caip2, version),
            RedisKeys.Ttl.ChainRegistry,
            async ct => await LoadAsync(caip2, ct),
            cancellationToken);

    private async Task<ChainSnapshot?> LoadAsync(string caip2, CancellationToken cancellationToken)
    {
        var chain = await db.Chains.AsNoTracking().AsSplitQuery()
            .Include(c => c.Endpoints)
            .Include(c => c.Contracts)
            .Include(c => c.GasPolicy)
            .FirstOrDefaultAsync(c => c.Caip2 == caip2, cancellationToken);
        return chain is null ? null : ToSnapshot(chain);
    }

    public static ChainSnapshot ToSnapshot(Chain chain) => new(
        new ChainDto(
            chain.Caip2,
            chain.ChainNumber,
            chain.Name,
            chain.NativeSymbol,
            chain.Decimals,
            chain.ExplorerUrl,
            chain.Enabled,
            [.. chain.Features],
            chain.ConfirmationsRequired,
            chain.Version,
            [.. chain.Endpoints.OrderBy(e => e.Priority).ThenByDescending(e => e.Weight).ThenBy(e => e.Id)
                .Select(e => new ChainEndpointDto(e.Id, e.Url, e.Priority, e.Weight, e.RateLimit, e.Active))]),
        [.. chain.Contracts.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ChainContractDto(c.Id, c.Name, c.Address, c.StartBlock, c.VerifiedAt))],
        chain.GasPolicy is { } policy
            ? new GasPolicyDto(policy.MaxFeeGwei, policy.PriorityFeeGwei, policy.Multiplier, policy.LastObservedBaseFeeGwei, policy.UpdatedAt)
            : null);
}
