using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Traits;
using Npgsql;

namespace NftMarketplace.Benchmarks.Catalog;

/// <summary>
/// The recompute as the worker runs it, database round trip included: a 10,000-token collection with the synthetic
/// traits is seeded into a scratch database (tokens and their stored attributes), then <see cref="CollectionRecompute"/>
/// loads the live tokens in one query, derives traits and counts, ranks them and writes traits, values and ranks, in one
/// transaction. Each timed run first burns or restores one token, so every rank and score changes and all 10,000 rarity
/// rows are written again — the worst case of a real change. The scratch database is dropped afterwards.
/// </summary>
internal static class RarityDatabaseBench
{
    private const string Chain = "eip155:31337";
    private const string Contract = "0x00000000000000000000000000000000000be7c4";
    private const int Runs = 10;

    /// <param name="connectionString">A Postgres server the bench may create and drop a database on.</param>
    public static async Task<(double Cold, double Mean, double Max)> RunAsync(string connectionString, int tokens)
    {
        var database = "bench_rarity_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        try
        {
            var builder = new DbContextOptionsBuilder<CatalogDbContext>();
            builder.UseModuleDatabase(new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString, CatalogModule.Schema);
            var options = builder.Options;
            await using (var db = new CatalogDbContext(options))
            {
                await db.Database.MigrateAsync();
                await SeedAsync(db, tokens);
            }

            var cold = await TimeAsync(options, burn: null);
            var warm = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                warm.Add(await TimeAsync(options, burn: run % 2 == 0));
            }

            return (cold, warm.Average(), warm.Max());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<double> TimeAsync(DbContextOptions<CatalogDbContext> options, bool? burn)
    {
        await using var db = new CatalogDbContext(options);
        if (burn is { } burning)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE catalog.tokens SET supply = {(burning ? 0 : 1)} WHERE chain_id = {Chain} AND contract = {Contract} AND token_id = 1");
        }

        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new CollectionRecompute(db).RecomputeAsync(Chain, Contract, CancellationToken.None);
            await transaction.CommitAsync();
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task SeedAsync(CatalogDbContext db, int tokens)
    {
        var collection = SyntheticCollection.Create(tokens, seed: 42);
        var ids = Enumerable.Range(1, tokens).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var attributes = collection.Select(traits => JsonSerializer.Serialize(traits.Select(t => new
        {
            traitType = t.TraitType,
            value = t.Value,
            valueType = t.Kind.ToString().ToLowerInvariant(),
        }))).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, supply, burned, created_at, updated_at)
            SELECT {Chain}, {Contract}, id::numeric, 'erc721', 1, false, now(), now() FROM unnest({ids}::text[]) AS id
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO catalog.metadata_docs (chain_id, contract, token_id, status, attributes, attempts, updated_at)
            SELECT {Chain}, {Contract}, x.id::numeric, 'OK', x.attributes::jsonb, 1, now()
            FROM unnest({ids}::text[], {attributes}::text[]) AS x(id, attributes)
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE catalog.tokens; ANALYZE catalog.metadata_docs;");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The database name is generated here, never input.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
