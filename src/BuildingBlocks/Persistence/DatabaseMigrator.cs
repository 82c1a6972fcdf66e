using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>A module's database, to be migrated at start-up.</summary>
public interface IModuleDatabase
{
    string Schema { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(string schema) : IModuleDatabase
    where TContext : ModuleDbContext
{
    public string Schema => schema;

    /// <summary>
    /// Any number, cluster-wide unique enough: the key of the advisory lock every replica takes while it migrates.
    /// </summary>
    private const long MigrationLockKey = 0x4e46_544d_4947_5241; // "NFTMIGRA"

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet: nothing to lock on. Migrate creates it; a replica racing this one finds it created.
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            // EF Core's own migration lock does not stop two replicas from both reading an empty history and both
            // creating the same tables; a session advisory lock held across the whole migration does.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Applies every module's pending migrations before anything else starts, so the Host never
/// takes traffic or runs a worker against an old schema. Migrating is idempotent, and each
/// <see cref="ModuleDatabase{TContext}"/> holds a Postgres advisory lock across its migration, so
/// several replicas may start at once.
/// It runs in <see cref="StartAsync"/>, which the host awaits before starting the web server.
/// </summary>
internal sealed partial class DatabaseMigrator(IEnumerable<IModuleDatabase> databases, IServiceProvider services, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            var started = TimeProvider.System.GetTimestamp();
            await database.MigrateAsync(services, cancellationToken).ConfigureAwait(false);
            LogMigrated(database.Schema, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Schema {Schema} is up to date ({ElapsedMs:0} ms)")]
    private partial void LogMigrated(string schema, double elapsedMs);
}
