using System.Globalization;
using System.Text;
using Npgsql;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Rarity;
using static NftMarketplace.Modules.Catalog.Reading.CatalogSql;

namespace NftMarketplace.Modules.Catalog.Reading;

internal enum TokenOrder
{
    TokenIdAsc,
    TokenIdDesc,
    RarityRankAsc,
    MintedAtDesc,
}

internal sealed record TraitFilterInput(string Name, IReadOnlyList<string> Values);

internal sealed record NumericTraitFilterInput(string Name, double? Min, double? Max);

internal sealed record TokenFilterInput(IReadOnlyList<TraitFilterInput> Traits, IReadOnlyList<NumericTraitFilterInput> NumericTraits, string? Owner)
{
    public static readonly TokenFilterInput None = new([], [], null);
}

/// <summary>A page of <c>Collection.tokens</c>: the rows of the page (one more than asked) and whether a cursor was given.</summary>
internal sealed record TokenPage(List<TokenView> Rows, List<string> Cursors);

/// <summary>
/// <c>Collection.tokens</c> and <c>tokensOf</c>: tokens with supply &gt; 0 (burned ones are gone from lists), flagged
/// ones (spam, NSFW) only when asked for. Filters: each trait filter is "the token has that trait with one of these
/// values" (OR within), filters are ANDed; numeric ones are inclusive ranges; owner is "holds a balance of it". Every
/// order ends with the token id, so its keyset is unique: a page is the same whatever is inserted before it.
/// </summary>
internal sealed class TokenQueries(NpgsqlDataSource dataSource, CatalogReadCache cache)
{
    private const string CollectionList = "tokens";
    private const string OwnerList = "tokensOf";
    private const int NoRank = int.MaxValue;

    public async Task<Connection<TokenView>> CollectionTokensAsync(
        string chainId, string address, TokenFilterInput filter, TokenOrder order, bool includeFlagged, PageRequest page, CancellationToken cancellationToken)
    {
        var list = CollectionList + "." + order;
        var after = page.After is { } cursor ? PageCursor.Decode(cursor, list, order is TokenOrder.TokenIdAsc or TokenOrder.TokenIdDesc ? 1 : 2) : null;
        var where = new StringBuilder();
        var parameters = new List<NpgsqlParameter> { new("chain", chainId), new("contract", address) };
        Filter(filter, where, parameters);
        var filters = where.ToString();
        var notFlagged = includeFlagged ? "" : NotFlagged;
        var size = (page.Size + 1).ToString(CultureInfo.InvariantCulture);
        var countSql = $"SELECT count(*) FROM {S}.tokens t LEFT JOIN {S}.nft_flags f ON f.chain_id = t.chain_id AND f.contract = t.contract AND f.token_id = t.token_id "
            + "WHERE t.chain_id = @chain AND t.contract = @contract AND t.supply > 0" + notFlagged + filters;
        Func<CancellationToken, Task<List<TokenView>>> load;
        string queryText;
        if (order == TokenOrder.RarityRankAsc)
        {
            var (ranked, unranked) = RarityPage(filters, includeFlagged, after, parameters, size);
            queryText = ranked + "\n" + unranked;
            load = token => RarityRowsAsync(ranked, unranked, parameters, page.Size + 1, token);
        }
        else
        {
            var sql = $"SELECT {TokenColumns} FROM {S}.tokens t{TokenJoins} WHERE t.chain_id = @chain AND t.contract = @contract AND t.supply > 0"
                + notFlagged + filters + Keyset(order, after, parameters) + " ORDER BY " + OrderBy(order) + " LIMIT " + size;
            queryText = sql;
            load = token => ListAsync(dataSource, sql, p => p.AddRange(Clone(parameters)), r => ReadToken(r), token);
        }

        var rows = await cache.GetOrLoadAsync(
            chainId, address, CollectionList, string.Join('\n', [queryText, .. parameters.Select(p => p.ParameterName + "=" + Describe(p.Value))]),
            load, cancellationToken).ConfigureAwait(false);
        return Page(rows, page, token => CursorOf(list, order, token), async token =>
            (int)await CountAsync(dataSource, countSql, p => p.AddRange(Clone(parameters.Where(x => !x.ParameterName.StartsWith("after", StringComparison.Ordinal)))), token).ConfigureAwait(false));
    }

    /// <summary>
    /// RARITY_RANK_ASC as two statements that each walk an index in its order: the ranked tokens from
    /// <c>token_rarity</c>'s (collection, rank, token id) index, then — only when they do not fill the page — the tokens
    /// not ranked yet, by id. A single <c>ORDER BY coalesce(rank, ∞), token_id</c> can use no index: Postgres would
    /// join and sort every token that passes the filter to return the first 50. The ranked statement picks the page's
    /// keys first and joins the documents and flags of those rows alone, not of every token that passes the filter
    /// before the sort. A cursor in the unranked tail needs only the second statement (<c>Ranked</c> null).
    /// </summary>
    private static (string? Ranked, string Unranked) RarityPage(
        string filters, bool includeFlagged, string[]? after, List<NpgsqlParameter> parameters, string size)
    {
        var afterRank = NoRank;
        if (after is not null)
        {
            var id = after[^1];
            afterRank = CatalogKeys.IsTokenId(id) && int.TryParse(after[0], CultureInfo.InvariantCulture, out var rank) ? rank : throw PageCursor.Bad();
            parameters.Add(new NpgsqlParameter("afterRank", afterRank));
            parameters.Add(new NpgsqlParameter("afterId", id));
        }

        // The subquery is named r, so TokenColumns' rarity columns read it.
        var ranked = after is not null && afterRank == NoRank
            ? null
            : $"SELECT {TokenColumns} FROM (SELECT r.chain_id, r.contract, r.token_id, r.rank, r.score, r.method FROM {S}.token_rarity r"
                + $" JOIN {S}.tokens t ON t.chain_id = r.chain_id AND t.contract = r.contract AND t.token_id = r.token_id"
                + " WHERE r.chain_id = @chain AND r.contract = @contract AND t.supply > 0"
                + (includeFlagged ? "" : $" AND NOT EXISTS (SELECT 1 FROM {S}.nft_flags g WHERE g.chain_id = t.chain_id AND g.contract = t.contract "
                    + "AND g.token_id = t.token_id AND (g.is_spam OR g.is_nsfw))")
                + filters + (after is null ? "" : " AND (r.rank, r.token_id) > (@afterRank, @afterId::numeric)")
                + " ORDER BY r.rank, r.token_id LIMIT " + size + ") r"
                + $" JOIN {S}.tokens t ON t.chain_id = r.chain_id AND t.contract = r.contract AND t.token_id = r.token_id"
                + $" LEFT JOIN {S}.metadata_docs m ON m.chain_id = t.chain_id AND m.contract = t.contract AND m.token_id = t.token_id"
                + $" LEFT JOIN {S}.nft_flags f ON f.chain_id = t.chain_id AND f.contract = t.contract AND f.token_id = t.token_id"
                + " ORDER BY r.rank, r.token_id";
        var unranked = $"SELECT {TokenColumns} FROM {S}.tokens t{TokenJoins} WHERE t.chain_id = @chain AND t.contract = @contract AND t.supply > 0"
            + " AND r.token_id IS NULL" + (includeFlagged ? "" : NotFlagged) + filters
            + (after is not null && afterRank == NoRank ? " AND t.token_id > @afterId::numeric" : "")
            + " ORDER BY t.token_id LIMIT " + size;
        return (ranked, unranked);
    }

    private async Task<List<TokenView>> RarityRowsAsync(string? ranked, string unranked, List<NpgsqlParameter> parameters, int size, CancellationToken cancellationToken)
    {
        var rows = ranked is null ? [] : await ListAsync(dataSource, ranked, p => p.AddRange(Clone(parameters)), r => ReadToken(r), cancellationToken).ConfigureAwait(false);
        if (rows.Count < size)
        {
            // A recompute committing between the two statements could show a token in both; it is listed once.
            var listed = rows.Select(t => t.TokenId).ToHashSet(StringComparer.Ordinal);
            var tail = await ListAsync(dataSource, unranked, p => p.AddRange(Clone(parameters)), r => ReadToken(r), cancellationToken).ConfigureAwait(false);
            rows.AddRange(tail.Where(t => listed.Add(t.TokenId)));
        }

        return rows.Count > size ? rows[..size] : rows;
    }

    /// <summary>
    /// Tokens any of <paramref name="owners"/> holds (ERC-721 owned, ERC-1155 balance &gt; 0), by chain, contract and id;
    /// a token two of them hold is listed once.
    /// </summary>
    public async Task<Connection<TokenView>> TokensOfAsync(
        IReadOnlyList<string> owners, string? chainId, bool includeFlagged, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter> { new("owners", owners.ToArray()) };
        var where = new StringBuilder(" WHERE b.owner = ANY(@owners) AND b.quantity > 0 AND t.supply > 0");
        if (chainId is not null)
        {
            where.Append(" AND b.chain_id = @chain");
            parameters.Add(new NpgsqlParameter("chain", chainId));
        }

        if (!includeFlagged)
        {
            where.Append(NotFlagged);
        }

        var count = where.ToString();
        if (page.After is { } cursor)
        {
            var parts = PageCursor.Decode(cursor, OwnerList, 3);
            if (!CatalogKeys.IsTokenId(parts[2]))
            {
                throw PageCursor.Bad();
            }

            where.Append(" AND (b.chain_id, b.contract, b.token_id) > (@afterChain, @afterContract, @afterId::numeric)");
            parameters.Add(new NpgsqlParameter("afterChain", parts[0]));
            parameters.Add(new NpgsqlParameter("afterContract", parts[1]));
            parameters.Add(new NpgsqlParameter("afterId", parts[2]));
        }

        var from = $" FROM {S}.token_balances b JOIN {S}.tokens t ON t.chain_id = b.chain_id AND t.contract = b.contract AND t.token_id = b.token_id{TokenJoins}";
        var rows = await ListAsync(
            dataSource,
            $"SELECT DISTINCT ON (b.chain_id, b.contract, b.token_id) {TokenColumns}{from}{where} ORDER BY b.chain_id, b.contract, b.token_id LIMIT {(page.Size + 1).ToString(CultureInfo.InvariantCulture)}",
            p => p.AddRange(Clone(parameters)),
            r => ReadToken(r),
            cancellationToken).ConfigureAwait(false);
        return Page(rows, page, t => PageCursor.Encode(OwnerList, t.ChainId, t.Contract, t.TokenId), async token =>
            (int)await CountAsync(dataSource, $"SELECT count(DISTINCT (b.chain_id, b.contract, b.token_id)){from}{count}", p => p.AddRange(Clone(parameters.Where(x => !x.ParameterName.StartsWith("after", StringComparison.Ordinal)))), token)
                .ConfigureAwait(false));
    }

    private static Connection<TokenView> Page(List<TokenView> rows, PageRequest page, Func<TokenView, string> cursorOf, Func<CancellationToken, Task<int>> count)
    {
        var edges = rows.Take(page.Size).Select(t => new Edge<TokenView>(cursorOf(t), t)).ToList();
        return new Connection<TokenView>(
            edges,
            new PageInfo(page.After is not null, rows.Count > page.Size, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null),
            count);
    }

    /// <summary>The filter's conditions on <c>t</c>; the flags' condition is the caller's, as each statement joins them its way.</summary>
    private static void Filter(TokenFilterInput filter, StringBuilder where, List<NpgsqlParameter> parameters)
    {
        for (var i = 0; i < filter.Traits.Count; i++)
        {
            var trait = filter.Traits[i];
            var values = trait.Values.Select(TraitText.Normalize).Distinct(StringComparer.Ordinal).ToArray();
            // One value is `=`, not `= ANY`: the (name, value, token id) index then yields the tokens in id order, and
            // Postgres merge-joins the filters' index scans instead of hashing them against every token.
            where.Append(CultureInfo.InvariantCulture,
                $" AND EXISTS (SELECT 1 FROM {S}.token_traits x WHERE x.chain_id = t.chain_id AND x.contract = t.contract AND x.token_id = t.token_id "
                + $"AND x.normalized_name = @tn{i} AND x.normalized_value {(values.Length == 1 ? "=" : "= ANY(")}@tv{i}{(values.Length == 1 ? "" : ")")})");
            parameters.Add(new NpgsqlParameter($"tn{i}", TraitText.Normalize(trait.Name)));
            parameters.Add(values.Length == 1 ? new NpgsqlParameter($"tv{i}", values[0]) : new NpgsqlParameter($"tv{i}", values));
        }

        for (var i = 0; i < filter.NumericTraits.Count; i++)
        {
            var range = filter.NumericTraits[i];
            where.Append(CultureInfo.InvariantCulture,
                $" AND EXISTS (SELECT 1 FROM {S}.token_traits x WHERE x.chain_id = t.chain_id AND x.contract = t.contract AND x.token_id = t.token_id "
                + $"AND x.normalized_name = @nn{i} AND x.value_number IS NOT NULL");
            parameters.Add(new NpgsqlParameter($"nn{i}", TraitText.Normalize(range.Name)));
            if (range.Min is { } min)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND x.value_number >= @nmin{i}");
                parameters.Add(new NpgsqlParameter($"nmin{i}", min));
            }

            if (range.Max is { } max)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND x.value_number <= @nmax{i}");
                parameters.Add(new NpgsqlParameter($"nmax{i}", max));
            }

            where.Append(')');
        }

        if (filter.Owner is { } owner)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM {S}.token_balances o WHERE o.chain_id = t.chain_id AND o.contract = t.contract AND o.token_id = t.token_id "
                + "AND o.owner = @owner AND o.quantity > 0)");
            parameters.Add(new NpgsqlParameter("owner", owner));
        }
    }

    private static string OrderBy(TokenOrder order) => order switch
    {
        TokenOrder.TokenIdDesc => "t.token_id DESC",
        TokenOrder.MintedAtDesc => "coalesce(t.minted_block, -1) DESC, t.token_id DESC",
        _ => "t.token_id",
    };

    /// <summary>The keyset condition after <paramref name="after"/> (the parts of the last item's cursor).</summary>
    private static string Keyset(TokenOrder order, string[]? after, List<NpgsqlParameter> parameters)
    {
        if (after is null)
        {
            return "";
        }

        var id = after[^1];
        if (!CatalogKeys.IsTokenId(id))
        {
            throw PageCursor.Bad();
        }

        parameters.Add(new NpgsqlParameter("afterId", id));
        switch (order)
        {
            case TokenOrder.TokenIdDesc:
                return " AND t.token_id < @afterId::numeric";
            case TokenOrder.MintedAtDesc:
                parameters.Add(new NpgsqlParameter("afterBlock", long.TryParse(after[0], CultureInfo.InvariantCulture, out var block) ? block : throw PageCursor.Bad()));
                return " AND (coalesce(t.minted_block, -1), t.token_id) < (@afterBlock, @afterId::numeric)";
            default:
                return " AND t.token_id > @afterId::numeric";
        }
    }

    private static string CursorOf(string list, TokenOrder order, TokenView token) => order switch
    {
        TokenOrder.RarityRankAsc => PageCursor.Encode(list, (token.RarityRank ?? NoRank).ToString(CultureInfo.InvariantCulture), token.TokenId),
        TokenOrder.MintedAtDesc => PageCursor.Encode(list, (token.MintedBlock ?? -1).ToString(CultureInfo.InvariantCulture), token.TokenId),
        _ => PageCursor.Encode(list, token.TokenId),
    };

    private static string Describe(object? value) => value switch
    {
        string[] values => string.Join(',', values),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    // A parameter belongs to one command; each run gets copies.
    private static NpgsqlParameter[] Clone(IEnumerable<NpgsqlParameter> parameters) =>
        [.. parameters.Select(p => new NpgsqlParameter(p.ParameterName, p.Value))];
}
