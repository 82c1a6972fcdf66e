using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace NftMarketplace.Modules.Catalog.Persistence;

/// <summary>
/// Plain Npgsql commands on the context's connection and transaction, for the set-based statements whose rows are no
/// entity (claims with <c>RETURNING</c>, whole-collection loads): positional parameters <c>$1</c>, <c>$2</c>, …
/// </summary>
internal static class CatalogSqlCommands
{
    public static async Task<NpgsqlCommand> CommandAsync(this CatalogDbContext db, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

#pragma warning disable CA2100 // The statements are the module's constants; every value is a parameter.
        var command = new NpgsqlCommand(sql, connection)
        {
            Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction,
        };
#pragma warning restore CA2100
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(this CatalogDbContext db, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = await db.CommandAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(
        this CatalogDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = await db.CommandAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
