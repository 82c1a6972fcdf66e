using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// Cache-aside of a collection's pages (its header, its token pages) at the collection's read version
/// (<see cref="CatalogReadVersion"/>). Only what a collection page shows is cached: single tokens, activity and
/// holders' lists are cheap keyed reads that change with every transfer.
/// </summary>
internal sealed class CatalogReadCache(VersionedCache cache, CatalogReadVersion versions, IOptions<CatalogReadOptions> options)
{
    public async Task<T> GetOrLoadAsync<T>(
        string chainId, string address, string kind, string query, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var ttl = options.Value.CacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return await load(cancellationToken).ConfigureAwait(false);
        }

        var version = await versions.GetAsync(chainId, address).ConfigureAwait(false);
        if (version < 0)
        {
            return await load(cancellationToken).ConfigureAwait(false);
        }

        // The query's text can be long (filters); its hash keeps the key short.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)).AsSpan(0, 16));
        var key = RedisKeys.ReadCache(CatalogReadVersion.Name(chainId, address), version, kind + ":" + hash);
        return await cache.GetOrSetAsync(key, ttl, load, cancellationToken).ConfigureAwait(false);
    }
}
