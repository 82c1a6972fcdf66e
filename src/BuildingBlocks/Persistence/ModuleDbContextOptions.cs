using Microsoft.EntityFrameworkCore;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>How every module's DbContext talks to Postgres; shared by run time and design time.</summary>
public static class ModuleDbContextOptions
{
    /// <summary>Connection string name of the one database all module schemas live in.</summary>
    public const string ConnectionName = "nftmarketplace";

    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, string connectionString, string schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(connectionString, npgsql => npgsql
                // Each module keeps its own migration history in its own schema, so modules migrate independently.
                .MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();
    }
}
