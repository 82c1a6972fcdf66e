using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Applies every module's pending migrations before anything else starts, so the Host never
/// takes traffic or runs a worker against an old schema. Migrating is idempotent, and EF Core
/// takes a database lock while it migrates, so several replicas may start at once.
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
