using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// The reads' SQL: hand-written, one statement per page or per batch of keys, on pooled connections of the shared data
/// source (reads need no unit of work). Numerics (token ids, amounts) travel as text, so no uint256 is squeezed into
/// a <see cref="decimal"/>.
/// </summary>
internal static class CatalogSql
{
    public const string S = CatalogModule.Schema;

    public const string CollectionColumns =
        "c.chain_id, c.address, c.standard, c.name, c.symbol, c.slug, c.description, c.image_url, c.banner_url, c.creator, "
        + "c.royalty_receiver, c.royalty_bps, c.max_supply::text, c.total_minted::text, c.deployed_block, c.created_at";

    /// <summary>
    /// A token with its metadata document, rarity and flags: everything a <c>Token</c> shows but its hops. The attributes
    /// stay <c>jsonb</c> (read as text by Npgsql): a <c>::text</c> here would convert every row that reaches a sort, not
    /// only the rows sent.
    /// </summary>
    public const string TokenColumns =
        "t.chain_id, t.contract, t.token_id::text, t.standard, t.owner, t.supply::text, t.minted_block, t.minted_at, "
        + "m.token_uri, m.name, m.description, m.image_url, m.animation_url, m.attributes, m.status, m.error_code, m.error, "
        + "r.score, r.rank, r.method, coalesce(f.is_spam, false), coalesce(f.is_nsfw, false), coalesce(f.is_frozen, false), f.reason";

    public const string TokenJoins =
        " LEFT JOIN " + S + ".metadata_docs m ON m.chain_id = t.chain_id AND m.contract = t.contract AND m.token_id = t.token_id"
        + " LEFT JOIN " + S + ".token_rarity r ON r.chain_id = t.chain_id AND r.contract = t.contract AND r.token_id = t.token_id"
        + " LEFT JOIN " + S + ".nft_flags f ON f.chain_id = t.chain_id AND f.contract = t.contract AND f.token_id = t.token_id";

    /// <summary>Spam or NSFW tokens are left out of lists unless asked for.</summary>
    public const string NotFlagged = " AND NOT coalesce(f.is_spam OR f.is_nsfw, false)";

    public const string ActivityColumns =
        "a.chain_id, a.tx_hash, a.log_index, a.batch_index, a.type, a.contract, a.token_id::text, a.from_address, a.to_address, "
        + "a.quantity::text, a.price::text, a.block_number, a.block_time";

    public static CollectionView ReadCollection(DbDataReader r, int o = 0) => new(
        r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), Text(r, o + 3), Text(r, o + 4), r.GetString(o + 5), Text(r, o + 6),
        Text(r, o + 7), Text(r, o + 8), Text(r, o + 9), Text(r, o + 10), r.GetInt32(o + 11), Text(r, o + 12), r.GetString(o + 13),
        r.IsDBNull(o + 14) ? null : r.GetInt64(o + 14), r.GetFieldValue<DateTimeOffset>(o + 15));

    public static TokenView ReadToken(DbDataReader r, int o = 0) => new(
        r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), r.GetString(o + 3), Text(r, o + 4), r.GetString(o + 5),
        r.IsDBNull(o + 6) ? null : r.GetInt64(o + 6), r.IsDBNull(o + 7) ? null : r.GetFieldValue<DateTimeOffset>(o + 7),
        Text(r, o + 8), Text(r, o + 9), Text(r, o + 10), Text(r, o + 11), Text(r, o + 12), Text(r, o + 13),
        Text(r, o + 14) ?? "NONE", Text(r, o + 15), Text(r, o + 16),
        r.IsDBNull(o + 17) ? null : r.GetDouble(o + 17), r.IsDBNull(o + 18) ? null : r.GetInt32(o + 18), Text(r, o + 19),
        r.GetBoolean(o + 20), r.GetBoolean(o + 21), r.GetBoolean(o + 22), Text(r, o + 23));

    public static Contracts.ActivityDto ReadActivity(DbDataReader r, int o = 0)
    {
        var chainId = r.GetString(o);
        var txHash = r.GetString(o + 1);
        var logIndex = r.GetInt32(o + 2);
        var batchIndex = r.GetInt32(o + 3);
        return new Contracts.ActivityDto(
            string.Create(CultureInfo.InvariantCulture, $"{chainId}/{txHash}/{logIndex}/{batchIndex}"),
            r.GetString(o + 4), chainId, r.GetString(o + 5), Text(r, o + 6), Text(r, o + 7), Text(r, o + 8), Text(r, o + 9), Text(r, o + 10),
            txHash, r.GetInt64(o + 11), logIndex, batchIndex, r.GetFieldValue<DateTimeOffset>(o + 12));
    }

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static async Task<List<T>> ListAsync<T>(
        NpgsqlDataSource dataSource, string sql, Action<NpgsqlParameterCollection> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        parameters(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<long> CountAsync(
        NpgsqlDataSource dataSource, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        parameters(command.Parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
