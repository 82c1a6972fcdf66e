namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// Finds where a reorg forked: walking the stored hashes from the newest down, the first block whose hash the chain
/// still has is the fork point (the last block both branches share). Pure: the follower feeds it pages of what it stored
/// and of what the chain now says.
/// </summary>
internal static class ForkFinder
{
    /// <summary>
    /// The highest block of <paramref name="storedDescending"/> whose hash equals the chain's, or null when none does.
    /// A block the chain no longer has (a rollback below it) has a null chain hash.
    /// </summary>
    public static long? FindFork(IReadOnlyList<(long Number, string Hash)> storedDescending, IReadOnlyDictionary<long, string?> chainHashes)
    {
        ArgumentNullException.ThrowIfNull(storedDescending);
        ArgumentNullException.ThrowIfNull(chainHashes);
        foreach (var (number, hash) in storedDescending)
        {
            if (chainHashes.TryGetValue(number, out var onChain) && string.Equals(onChain, hash, StringComparison.Ordinal))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="headers"/> (ascending, consecutive) link up: each names the previous as its parent, and
    /// the first names <paramref name="parentHash"/> (when known).
    /// </summary>
    public static bool Links(IReadOnlyList<BlockHeader> headers, string? parentHash)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var expected = parentHash;
        long? previous = null;
        foreach (var header in headers)
        {
            if (previous is { } number && header.Number != number + 1)
            {
                expected = null;
            }

            if (expected is not null && !string.Equals(header.ParentHash, expected, StringComparison.Ordinal))
            {
                return false;
            }

            expected = header.Hash;
            previous = header.Number;
        }

        return true;
    }
}
