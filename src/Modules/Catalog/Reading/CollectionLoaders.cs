using Npgsql;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Indexing.Contracts;
using static NftMarketplace.Modules.Catalog.Reading.CatalogSql;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>Collections by <see cref="CatalogKeys.Collection"/> key: <c>collection</c>, <c>Token.collection</c>, <c>node(id)</c>.</summary>
internal sealed class CollectionsByKey(NpgsqlDataSource dataSource, CatalogReadCache cache) : BatchLoader<string, CollectionView>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<CollectionView>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var (chains, addresses) = Split(keys);
        if (chains.Length == 0)
        {
            return [];
        }

        // One collection (the usual page): its cached copy, under the collection's read version.
        if (chains.Length == 1)
        {
            var one = await cache.GetOrLoadAsync(
                chains[0], addresses[0], "collection", "", token => LoadAsync(chains, addresses, token), cancellationToken).ConfigureAwait(false);
            return one;
        }

        return await LoadAsync(chains, addresses, cancellationToken).ConfigureAwait(false);
    }

    // One key (a collection page) by primary key: a join with unnest costs the planner more than the lookup itself.
    private Task<List<CollectionView>> LoadAsync(string[] chains, string[] addresses, CancellationToken cancellationToken) =>
        chains.Length == 1
            ? ListAsync(
                dataSource,
                $"SELECT {CollectionColumns} FROM {S}.collections c WHERE c.chain_id = @chain AND c.address = @address",
                p =>
                {
                    p.AddWithValue("chain", chains[0]);
                    p.AddWithValue("address", addresses[0]);
                },
                r => ReadCollection(r),
                cancellationToken)
            : ListAsync(
                dataSource,
                $"SELECT {CollectionColumns} FROM {S}.collections c JOIN unnest(@chains::text[], @addresses::text[]) AS k(chain_id, address) "
                + "ON c.chain_id = k.chain_id AND c.address = k.address",
                p =>
                {
                    p.AddWithValue("chains", chains);
                    p.AddWithValue("addresses", addresses);
                },
                r => ReadCollection(r),
                cancellationToken);

    protected override string KeyOf(CollectionView value) => value.Key;

    /// <summary>The chain and address arrays of collection keys; keys that name no collection are left out.</summary>
    internal static (string[] Chains, string[] Addresses) Split(IEnumerable<string> keys)
    {
        var chains = new List<string>();
        var addresses = new List<string>();
        foreach (var key in keys)
        {
            if (CatalogKeys.TryParseCollection(key, out var chain, out var address))
            {
                chains.Add(chain);
                addresses.Add(address);
            }
        }

        return ([.. chains], [.. addresses]);
    }
}

/// <summary><c>Collection.stats</c>, batched; a collection without a stats row yet has zero of everything.</summary>
internal sealed class StatsByCollection(NpgsqlDataSource dataSource) : BatchLoader<string, CollectionStatsView>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<CollectionStatsView>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var (chains, addresses) = CollectionsByKey.Split(keys);
        return await ListAsync(
            dataSource,
            $"SELECT s.chain_id, s.address, s.items_count, s.owners_count, s.floor_price::text, s.volume::text, s.sales_count FROM {S}.collection_stats s "
            + "JOIN unnest(@chains::text[], @addresses::text[]) AS k(chain_id, address) ON s.chain_id = k.chain_id AND s.address = k.address",
            p =>
            {
                p.AddWithValue("chains", chains);
                p.AddWithValue("addresses", addresses);
            },
            r => new CollectionStatsView(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), Text(r, 4), r.GetString(5), r.GetInt32(6)),
            cancellationToken).ConfigureAwait(false);
    }

    protected override string KeyOf(CollectionStatsView value) => value.Key;
}

/// <summary>
/// <c>Collection.traits</c>, batched: every trait with its values, most common value first. Frequency is a value's
/// count over the collection's token count (items with supply &gt; 0, as the stats count them).
/// </summary>
internal sealed class TraitsByCollection(NpgsqlDataSource dataSource) : GroupedBatchLoader<string, TraitValueRow>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<TraitValueRow>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var (chains, addresses) = CollectionsByKey.Split(keys);
        return await ListAsync(
            dataSource,
            $"SELECT tr.chain_id, tr.contract, tr.normalized_name, tr.name, tr.value_type, tr.display_type, v.value, coalesce(v.count, 0), "
            + "coalesce(v.count::float8 / nullif(s.items_count, 0), 0) "
            + $"FROM {S}.traits tr JOIN unnest(@chains::text[], @addresses::text[]) AS k(chain_id, address) ON tr.chain_id = k.chain_id AND tr.contract = k.address "
            + $"LEFT JOIN {S}.trait_values v ON v.chain_id = tr.chain_id AND v.contract = tr.contract AND v.normalized_name = tr.normalized_name AND v.count > 0 "
            + $"LEFT JOIN {S}.collection_stats s ON s.chain_id = tr.chain_id AND s.address = tr.contract "
            + "ORDER BY tr.chain_id, tr.contract, tr.normalized_name, v.count DESC NULLS LAST, v.normalized_value",
            p =>
            {
                p.AddWithValue("chains", chains);
                p.AddWithValue("addresses", addresses);
            },
            r => new TraitValueRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), r.GetInt32(7), r.GetDouble(8)),
            cancellationToken).ConfigureAwait(false);
    }

    protected override string KeyOf(TraitValueRow value) => value.Key;

    /// <summary>The rows of one collection as traits with their values, in the rows' order.</summary>
    public static IReadOnlyList<TraitView> Group(IReadOnlyList<TraitValueRow> rows) =>
    [
        .. rows.GroupBy(r => r.NormalizedName, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new TraitView(
                first.Name, first.ValueType, first.DisplayType,
                [.. g.Where(r => r.Value is not null).Select(r => new TraitValueView(r.Value!, r.Count, r.Frequency))]);
        }),
    ];
}

/// <summary><c>Collection.indexStatus</c> for every collection of a response in one request to the indexer.</summary>
internal sealed class IndexStatusByCollection(ISender sender) : BatchLoader<string, IndexStatusView>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<IndexStatusView>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var (chains, addresses) = CollectionsByKey.Split(keys);
        var statuses = await sender.Send(
            new GetCollectionIndexStatuses([.. chains.Zip(addresses, (chain, address) => new IndexedCollection(chain, address))]), cancellationToken)
            .ConfigureAwait(false);
        return statuses.Select(s => new IndexStatusView(CatalogKeys.Collection(s.Key.ChainId, s.Key.Address), s.Value));
    }

    protected override string KeyOf(IndexStatusView value) => value.Key;
}

internal sealed record IndexStatusView(string Key, string Status);
