using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Caching;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// The read version of each collection (<c>cache:version:catalog:{chainId}:{address}</c>): every cached page of a
/// collection lives under its current version (<c>cache:read:catalog:{chainId}:{address}:{version}:…</c>), so a bump
/// after a change commits moves every reader to fresh entries at once, on every replica. Whatever changes a collection
/// bumps it once the change committed: the consumers of the catalog's own events (activities, collections), the flags,
/// the metadata fetcher and the traits and rarity recompute.
/// </summary>
internal sealed partial class CatalogReadVersion(VersionedCache cache, ILogger<CatalogReadVersion> logger)
{
    public static string Name(string chainId, string address) => "catalog:" + chainId + ":" + address;

    /// <returns>The current version, or -1 when Redis cannot answer (then nothing is cached).</returns>
    public Task<long> GetAsync(string chainId, string address) => cache.GetVersionAsync(Name(chainId, address));

    public async Task BumpAsync(string chainId, IEnumerable<string> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        foreach (var contract in contracts.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await cache.BumpVersionAsync(Name(chainId, contract)).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // Readers skip the cache while Redis is away; entries of the old version expire after CacheTtl.
                LogNotBumped(ex, chainId, contract);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Redis is unavailable; cached pages of {ChainId} {Contract} may stay stale until they expire")]
    private partial void LogNotBumped(Exception exception, string chainId, string contract);
}
