using System.Globalization;
using System.Text;
using Npgsql;
using NftMarketplace.GraphQL.Relay;
using static NftMarketplace.Modules.Catalog.Reading.CatalogSql;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary><c>collections</c>: newest first (creation time, then chain and address), optionally of one chain or creator.</summary>
internal sealed class CollectionQueries(NpgsqlDataSource dataSource)
{
    private const string List = "collections";

    public async Task<Connection<CollectionView>> ListAsync(string? chainId, string? creator, PageRequest page, CancellationToken cancellationToken)
    {
        var where = new StringBuilder(" WHERE true");
        var parameters = new List<NpgsqlParameter>();
        if (chainId is not null)
        {
            where.Append(" AND c.chain_id = @chain");
            parameters.Add(new NpgsqlParameter("chain", chainId));
        }

        if (creator is not null)
        {
            where.Append(" AND c.creator = @creator");
            parameters.Add(new NpgsqlParameter("creator", creator));
        }

        var count = where.ToString();
        if (page.After is { } cursor)
        {
            var parts = PageCursor.Decode(cursor, List, 3);
            if (!long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                throw PageCursor.Bad();
            }

            where.Append(" AND (c.created_at < @afterAt OR c.created_at = @afterAt AND (c.chain_id, c.address) > (@afterChain, @afterAddress))");
            parameters.Add(new NpgsqlParameter("afterAt", new DateTimeOffset(ticks, TimeSpan.Zero)));
            parameters.Add(new NpgsqlParameter("afterChain", parts[1]));
            parameters.Add(new NpgsqlParameter("afterAddress", parts[2]));
        }

        var rows = await CatalogSql.ListAsync(
            dataSource,
            $"SELECT {CollectionColumns} FROM {S}.collections c{where} ORDER BY c.created_at DESC, c.chain_id, c.address "
            + $"LIMIT {(page.Size + 1).ToString(CultureInfo.InvariantCulture)}",
            p => p.AddRange(Clone(parameters)),
            r => ReadCollection(r),
            cancellationToken).ConfigureAwait(false);
        var edges = rows.Take(page.Size)
            .Select(c => new Edge<CollectionView>(
                PageCursor.Encode(List, c.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), c.ChainId, c.Address), c))
            .ToList();
        return new Connection<CollectionView>(
            edges,
            new PageInfo(page.After is not null, rows.Count > page.Size, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null),
            async token => (int)await CountAsync(
                dataSource, $"SELECT count(*) FROM {S}.collections c{count}",
                p => p.AddRange(Clone(parameters.Where(x => !x.ParameterName.StartsWith("after", StringComparison.Ordinal)))), token).ConfigureAwait(false));
    }

    /// <summary>Whether the catalog shows the collection (for a subscription, which has no loader).</summary>
    public async Task<bool> ExistsAsync(string chainId, string address, CancellationToken cancellationToken) =>
        await CountAsync(
            dataSource, $"SELECT count(*) FROM {S}.collections WHERE chain_id = @chain AND address = @address",
            p =>
            {
                p.AddWithValue("chain", chainId);
                p.AddWithValue("address", address);
            },
            cancellationToken).ConfigureAwait(false) > 0;

    private static NpgsqlParameter[] Clone(IEnumerable<NpgsqlParameter> parameters) =>
        [.. parameters.Select(p => new NpgsqlParameter(p.ParameterName, p.Value))];
}
