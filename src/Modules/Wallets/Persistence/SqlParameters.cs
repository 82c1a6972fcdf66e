using Npgsql;
using NpgsqlTypes;

namespace NftMarketplace.Modules.Wallets.Persistence;

internal static class SqlParameters
{
    /// <summary>
    /// A parameter for raw SQL that may be null: EF infers a parameter's type from its value, which a null does not have.
    /// </summary>
    public static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
