using System.Globalization;
using Npgsql;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Contracts;
using static NftMarketplace.Modules.Catalog.Reading.CatalogSql;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>Tokens by <see cref="CatalogKeys.Token"/> key: <c>token</c> and <c>node(id)</c>, one statement per batch.</summary>
internal sealed class TokensByKey(NpgsqlDataSource dataSource) : BatchLoader<string, TokenView>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<TokenView>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var (chains, contracts, ids) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var key in keys)
        {
            if (CatalogKeys.TryParseToken(key, out var chain, out var contract, out var tokenId))
            {
                chains.Add(chain);
                contracts.Add(contract);
                ids.Add(tokenId);
            }
        }

        if (chains.Count == 0)
        {
            return [];
        }

        return await ListAsync(
            dataSource,
            $"SELECT {TokenColumns} FROM unnest(@chains::text[], @contracts::text[], @ids::numeric[]) AS k(chain_id, contract, token_id) "
            + $"JOIN {S}.tokens t ON t.chain_id = k.chain_id AND t.contract = k.contract AND t.token_id = k.token_id{TokenJoins}",
            p =>
            {
                p.AddWithValue("chains", chains.ToArray());
                p.AddWithValue("contracts", contracts.ToArray());
                p.AddWithValue("ids", ids.ToArray());
            },
            r => ReadToken(r),
            cancellationToken).ConfigureAwait(false);
    }

    protected override string KeyOf(TokenView value) => value.Key;
}

/// <summary>
/// A page of a list hanging off each of many parents (<c>Token.balances</c>, <c>Token.activity</c>,
/// <c>Collection.activity</c>): one statement per distinct page shape, each parent's page a <c>LATERAL</c> keyset scan
/// of the list's index. <see cref="Parent"/> is a token or collection key.
/// </summary>
internal sealed record ListPageKey(string Parent, int Size, string? After, string? Types);

internal sealed record ListPageRow<T>(ListPageKey Key, string Cursor, T Item);

/// <summary><c>Token.balances</c>: holders by address, ascending; ERC-721's one owner holds 1.</summary>
internal sealed class BalancePages(NpgsqlDataSource dataSource) : GroupedBatchLoader<ListPageKey, ListPageRow<TokenBalanceView>>
{
    public const string List = "balances";

    protected override async Task<IEnumerable<ListPageRow<TokenBalanceView>>> FetchAsync(IReadOnlyList<ListPageKey> keys, CancellationToken cancellationToken)
    {
        var rows = new List<ListPageRow<TokenBalanceView>>();
        foreach (var shape in keys.GroupBy(k => (k.Size, k.After)))
        {
            var parents = shape.ToList();
            var after = shape.Key.After is { } cursor ? PageCursor.Decode(cursor, List, 1)[0] : null;
            var (chains, contracts, ids) = Tokens(parents);
            rows.AddRange(await ListAsync(
                dataSource,
                "SELECT k.i, b.owner, b.quantity::text FROM unnest(@chains::text[], @contracts::text[], @ids::numeric[]) WITH ORDINALITY AS k(chain_id, contract, token_id, i) "
                + $"CROSS JOIN LATERAL (SELECT b.owner, b.quantity FROM {S}.token_balances b WHERE b.chain_id = k.chain_id AND b.contract = k.contract "
                + "AND b.token_id = k.token_id AND b.quantity > 0 AND (@after::text IS NULL OR b.owner > @after) ORDER BY b.owner LIMIT @take) b ORDER BY k.i, b.owner",
                p =>
                {
                    p.AddWithValue("chains", chains);
                    p.AddWithValue("contracts", contracts);
                    p.AddWithValue("ids", ids);
                    p.Add(new NpgsqlParameter<string?>("after", after) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                    p.AddWithValue("take", shape.Key.Size + 1);
                },
                r => new ListPageRow<TokenBalanceView>(
                    parents[(int)r.GetInt64(0) - 1], PageCursor.Encode(List, r.GetString(1)), new TokenBalanceView(r.GetString(1), r.GetString(2))),
                cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    protected override ListPageKey KeyOf(ListPageRow<TokenBalanceView> value) => value.Key;

    internal static (string[] Chains, string[] Contracts, string[] Ids) Tokens(IReadOnlyList<ListPageKey> parents)
    {
        var (chains, contracts, ids) = (new string[parents.Count], new string[parents.Count], new string[parents.Count]);
        for (var i = 0; i < parents.Count; i++)
        {
            // Keys come from tokens read from the catalog, so they always parse.
            _ = CatalogKeys.TryParseToken(parents[i].Parent, out var chain, out var contract, out var tokenId);
            (chains[i], contracts[i], ids[i]) = (chain!, contract!, tokenId!);
        }

        return (chains, contracts, ids);
    }
}

/// <summary>
/// <c>Token.activity</c> and <c>Collection.activity</c>: newest first by chain position (block, log, batch entry), so
/// a page stays put while new activities arrive on top. A parent with three parts is a collection, with four a token.
/// </summary>
internal sealed class ActivityPages(NpgsqlDataSource dataSource) : GroupedBatchLoader<ListPageKey, ListPageRow<ActivityDto>>
{
    public const string List = "activity";

    protected override async Task<IEnumerable<ListPageRow<ActivityDto>>> FetchAsync(IReadOnlyList<ListPageKey> keys, CancellationToken cancellationToken)
    {
        var rows = new List<ListPageRow<ActivityDto>>();
        foreach (var shape in keys.GroupBy(k => (k.Size, k.After, k.Types, Token: CatalogKeys.TryParseToken(k.Parent, out _, out _, out _))))
        {
            var parents = shape.ToList();
            long block = 0;
            int log = 0, batch = 0;
            if (shape.Key.After is { } cursor)
            {
                var parts = PageCursor.Decode(cursor, List, 3);
                if (!long.TryParse(parts[0], CultureInfo.InvariantCulture, out block) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out log)
                    || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out batch))
                {
                    throw PageCursor.Bad();
                }
            }

            string[] chains, contracts, ids;
            if (shape.Key.Token)
            {
                (chains, contracts, ids) = BalancePages.Tokens(parents);
            }
            else
            {
                (chains, contracts) = CollectionsByKey.Split(parents.Select(p => p.Parent));
                ids = new string[chains.Length];
            }

            var types = shape.Key.Types?.Split(',');
            var sql = "SELECT k.i, " + ActivityColumns.Replace("a.", "x.", StringComparison.Ordinal)
                + " FROM unnest(@chains::text[], @contracts::text[], @ids::numeric[]) WITH ORDINALITY AS k(chain_id, contract, token_id, i) "
                + $"CROSS JOIN LATERAL (SELECT {ActivityColumns} FROM {S}.activities a WHERE a.chain_id = k.chain_id AND a.contract = k.contract "
                + (shape.Key.Token ? "AND a.token_id = k.token_id " : "")
                + (types is null ? "" : "AND a.type = ANY(@types) ")
                + (shape.Key.After is null ? "" : "AND (a.block_number, a.log_index, a.batch_index) < (@block, @log, @batch) ")
                + "ORDER BY a.block_number DESC, a.log_index DESC, a.batch_index DESC LIMIT @take) x "
                + "ORDER BY k.i, x.block_number DESC, x.log_index DESC, x.batch_index DESC";
            rows.AddRange(await ListAsync(
                dataSource,
                sql,
                p =>
                {
                    p.AddWithValue("chains", chains);
                    p.AddWithValue("contracts", contracts);
                    p.AddWithValue("ids", ids);
                    if (types is not null)
                    {
                        p.AddWithValue("types", types);
                    }

                    p.AddWithValue("block", block);
                    p.AddWithValue("log", log);
                    p.AddWithValue("batch", batch);
                    p.AddWithValue("take", shape.Key.Size + 1);
                },
                r =>
                {
                    var activity = ReadActivity(r, 1);
                    return new ListPageRow<ActivityDto>(parents[(int)r.GetInt64(0) - 1], CursorOf(activity), activity);
                },
                cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    protected override ListPageKey KeyOf(ListPageRow<ActivityDto> value) => value.Key;

    public static string CursorOf(ActivityDto activity) => PageCursor.Encode(
        List,
        activity.BlockNumber.ToString(CultureInfo.InvariantCulture),
        activity.LogIndex.ToString(CultureInfo.InvariantCulture),
        activity.BatchIndex.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A list page from its rows (one more than the page asked for tells whether another follows).</summary>
internal static class ListPages
{
    public static Connection<T> ToConnection<T>(IReadOnlyList<ListPageRow<T>> rows, ListPageKey key, Func<CancellationToken, Task<int>> countTotal)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(key);
        var edges = rows.Take(key.Size).Select(r => new Edge<T>(r.Cursor, r.Item)).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(key.After is not null, rows.Count > key.Size, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null),
            countTotal);
    }
}
