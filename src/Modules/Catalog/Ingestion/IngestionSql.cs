using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NftMarketplace.Modules.Catalog.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>Raw commands of the consumers, inside the inbox's transaction (every statement is one per batch and table).</summary>
internal static class IngestionSql
{
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>A command on the delivery's connection and transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open: the consumers only run inside the inbox's.</exception>
    public static NpgsqlCommand Command(CatalogDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The catalog's consumers write inside the inbox's transaction.");
        return new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
    }

    /// <summary>A text[] parameter whose elements may be null (a null has no type to infer).</summary>
    public static void AddTexts(this NpgsqlParameterCollection parameters, string name, IEnumerable<string?> values) =>
        parameters.AddWithValue(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values.Select(v => (object?)v ?? DBNull.Value).ToArray());

    /// <summary>An integer[] parameter whose elements may be null.</summary>
    public static void AddIntegers(this NpgsqlParameterCollection parameters, string name, IEnumerable<int?> values) =>
        parameters.AddWithValue(name, NpgsqlDbType.Array | NpgsqlDbType.Integer, values.Select(v => (object?)v ?? DBNull.Value).ToArray());
}
