using System.Collections.Concurrent;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>What this replica's followers last saw, for <c>indexerStatus</c> and the health check.</summary>
internal sealed class FollowerStatusBoard
{
    private readonly ConcurrentDictionary<string, ChainFollowerStatus> _chains = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ChainFollowerStatus> Chains => [.. _chains.Values];

    public ChainFollowerStatus? Get(string chainId) => _chains.GetValueOrDefault(chainId);

    public void Update(string chainId, Func<ChainFollowerStatus, ChainFollowerStatus> change) =>
        _chains.AddOrUpdate(chainId, id => change(new ChainFollowerStatus(id, null, false, null)), (_, current) => change(current));

    public void Remove(string chainId) => _chains.TryRemove(chainId, out _);
}

/// <param name="Head">The chain's head at the last poll of this replica's follower.</param>
/// <param name="HoldsLease">Whether this replica follows the chain now.</param>
/// <param name="Halted">Why the chain's follower stopped, when it did.</param>
internal sealed record ChainFollowerStatus(string ChainId, long? Head, bool HoldsLease, string? Halted);
