using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>Degraded while a chain's follower has stopped (a reorg deeper than the hash window), naming the chain and why.</summary>
internal sealed class FollowerHealthCheck(FollowerStatusBoard board) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var halted = board.Chains.Where(c => c.Halted is not null).ToList();
        return Task.FromResult(halted.Count == 0
            ? HealthCheckResult.Healthy($"{board.Chains.Count(c => c.HoldsLease)} chains followed by this replica")
            : HealthCheckResult.Degraded(string.Join(" ", halted.Select(c => $"The indexer of {c.ChainId} stopped: {c.Halted}"))));
    }
}
