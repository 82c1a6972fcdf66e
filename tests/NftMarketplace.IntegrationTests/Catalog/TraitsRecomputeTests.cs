using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Catalog.Rarity;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// The debounced recompute of traits, trait counts and OpenRarity ranks on the real database: tokens and their stored
/// attributes are seeded as the consumers and the metadata fetcher write them, the collection is marked dirty, and once
/// the worker has taken the mark the tables must equal a fresh <see cref="OpenRarityRanker"/> run over the live tokens —
/// after mints, after a burn (supply 0) and after a retraction (the token's row gone).
/// </summary>
public sealed class TraitsRecomputeTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string Chain = "eip155:31337";
    private const string Contract = "0x00000000000000000000000000000000000000c1";

    private static readonly string[] Backgrounds = ["Blue", "blue ", "Red", "Green", "Gold"];
    private static readonly string[] Hats = ["Cap", "Crown", "Beanie"];

    private GatewayServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await GatewayServer.StartAsync(
            Infrastructure,
            Environment,
            builder => builder.AddUsersModule().AddWalletsModule().AddCatalogModule(),
            new Dictionary<string, string?> { ["Catalog:Rarity:Debounce"] = "00:00:00.200", ["Catalog:Rarity:PollInterval"] = "00:00:00.050" });
    }

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Trait_counts_and_ranks_equal_a_fresh_ranker_run_after_mints_a_burn_and_a_retraction()
    {
        var tokens = Enumerable.Range(1, 40).ToDictionary(i => i, Attributes);
        await SeedAsync(tokens);

        await MarkDirtyAndWaitAsync();
        await AssertMatchesRankerAsync(tokens);

        // A burn: the tokens stay, with supply 0, and leave the counts and the ranking.
        await ExecuteAsync($"UPDATE catalog.tokens SET supply = 0, burned = true WHERE chain_id = {Chain} AND contract = {Contract} AND token_id IN (3, 17, 40)");
        tokens.Remove(3);
        tokens.Remove(17);
        tokens.Remove(40);
        await MarkDirtyAndWaitAsync();
        await AssertMatchesRankerAsync(tokens);

        // A retraction: the tokens' rows are gone altogether.
        await ExecuteAsync($"DELETE FROM catalog.tokens WHERE chain_id = {Chain} AND contract = {Contract} AND token_id BETWEEN 30 AND 39");
        foreach (var id in Enumerable.Range(30, 10))
        {
            tokens.Remove(id);
        }

        await MarkDirtyAndWaitAsync();
        await AssertMatchesRankerAsync(tokens);
    }

    [Fact]
    public async Task A_mark_made_while_a_recompute_runs_neither_waits_for_it_nor_is_lost()
    {
        await SeedAsync(Enumerable.Range(1, 20).ToDictionary(i => i, Attributes));
        var connectionString = await QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        // A reader holding token_rarity in share mode keeps the recompute inside its transaction, at its rarity write.
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync(Ct);
        var hold = await holder.BeginTransactionAsync(Ct);
        await using (var share = new NpgsqlCommand("LOCK TABLE catalog.token_rarity IN SHARE MODE", holder, hold))
        {
            await share.ExecuteNonQueryAsync(Ct);
        }

        await ExecuteAsync($"INSERT INTO catalog.collection_dirty (chain_id, address, dirty_since, reason) VALUES ({Chain}, {Contract}, now(), 'test')");
        await Eventually.Until(
            () => QueryAsync(db => db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%token_rarity%'
                """).SingleAsync(Ct)),
            waiting => waiting > 0,
            "the recompute to wait at its rarity write");

        // A consumer marks the collection again, as every batch of a backfill does: at once, not after the recompute.
        await using (var marker = new NpgsqlConnection(connectionString))
        {
            await marker.OpenAsync(Ct);
            await using var mark = new NpgsqlCommand(
                "SET statement_timeout = 5000; INSERT INTO catalog.collection_dirty (chain_id, address, dirty_since, reason) "
                + "VALUES (@chain, @contract, now(), 'tokens') ON CONFLICT (chain_id, address) DO UPDATE SET reason = excluded.reason",
                marker);
            mark.Parameters.AddWithValue("chain", Chain);
            mark.Parameters.AddWithValue("contract", Contract);
            await mark.ExecuteNonQueryAsync(Ct);
        }

        await hold.RollbackAsync(Ct);
        await hold.DisposeAsync();
        await Eventually.Until(
            () => QueryAsync(db => db.TokenRarity.AsNoTracking().CountAsync(r => r.ChainId == Chain && r.Contract == Contract, Ct)),
            count => count == 20,
            "the first recompute to commit");
        // The mark made meanwhile survived it: the collection is recomputed once more, then clean.
        Assert.Equal(1, await QueryAsync(db => db.CollectionDirty.AsNoTracking().CountAsync(d => d.ChainId == Chain && d.Address == Contract, Ct)));
        await Eventually.Until(
            () => QueryAsync(db => db.CollectionDirty.AsNoTracking().CountAsync(d => d.ChainId == Chain && d.Address == Contract, Ct)),
            count => count == 0,
            "the second recompute to take the mark");
    }

    /// <summary>Token i's attributes: two string traits (one missing on some tokens, spelled in two cases) and a number.</summary>
    private static List<(string TraitType, string Value, string ValueType)> Attributes(int i)
    {
        var attributes = new List<(string, string, string)> { ("Background", Backgrounds[(i * 7) % Backgrounds.Length], "string") };
        if (i % 4 != 0)
        {
            attributes.Add((i % 3 == 0 ? "HAT" : "Hat", Hats[(i * i) % Hats.Length], "string"));
        }

        if (i == 11)
        {
            attributes.Add(("Eyes", "Laser", "string"));
        }

        attributes.Add(("Level", (i % 5).ToString(CultureInfo.InvariantCulture), "number"));
        return attributes;
    }

    private async Task SeedAsync(Dictionary<int, List<(string TraitType, string Value, string ValueType)>> tokens)
    {
        var ids = tokens.Keys.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var attributes = tokens.Values.Select(a => JsonSerializer.Serialize(a.Select(x => new { traitType = x.TraitType, value = x.Value, valueType = x.ValueType }))).ToArray();
        await ExecuteAsync($"""
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, supply, burned, created_at, updated_at)
            SELECT {Chain}, {Contract}, id::numeric, 'erc721', 1, false, now(), now() FROM unnest({ids}::text[]) AS id
            """);
        await ExecuteAsync($"""
            INSERT INTO catalog.metadata_docs (chain_id, contract, token_id, status, attributes, attempts, updated_at)
            SELECT {Chain}, {Contract}, x.id::numeric, 'OK', x.attributes::jsonb, 1, now() FROM unnest({ids}::text[], {attributes}::text[]) AS x(id, attributes)
            """);
    }

    private async Task MarkDirtyAndWaitAsync()
    {
        await ExecuteAsync($"""
            INSERT INTO catalog.collection_dirty (chain_id, address, dirty_since, reason) VALUES ({Chain}, {Contract}, now(), 'test')
            ON CONFLICT DO NOTHING
            """);
        await Eventually.Until(
            () => QueryAsync(db => db.CollectionDirty.AsNoTracking().CountAsync(d => d.ChainId == Chain && d.Address == Contract, Ct)),
            count => count == 0,
            "the recompute to take the dirty mark");
    }

    private async Task AssertMatchesRankerAsync(Dictionary<int, List<(string TraitType, string Value, string ValueType)>> tokens)
    {
        var ordered = tokens.OrderBy(t => t.Key).ToList();
        var expected = OpenRarityRanker.Rank([.. ordered.Select(t => (IReadOnlyList<RarityTrait>)[.. t.Value.Select(a =>
            new RarityTrait(a.TraitType, a.Value, a.ValueType == "number" ? TraitValueKind.Number : TraitValueKind.String))])]);

        var stored = await QueryAsync(db => db.TokenRarity.AsNoTracking().Where(r => r.ChainId == Chain && r.Contract == Contract).OrderBy(r => r.TokenId).ToListAsync(Ct));
        Assert.Equal(ordered.Select(t => new BigInteger(t.Key)), stored.Select(r => r.TokenId));
        Assert.Equal(expected.Select(e => (e.Score, e.Rank)), stored.Select(r => (r.Score, r.Rank)));
        Assert.All(stored, r => Assert.Equal(OpenRarityRanker.Method, r.Method));

        // Counts over the live tokens, names and string values grouped as the ranker groups them; one value per token.
        var expectedCounts = ordered
            .SelectMany(t => t.Value.Select(a => (Name: TraitText.Normalize(a.TraitType), Value: a.ValueType == "string" ? TraitText.Normalize(a.Value) : a.Value)).Distinct())
            .GroupBy(x => x)
            .Select(g => (g.Key.Name, g.Key.Value, g.Count()))
            .Order()
            .ToList();
        var values = await QueryAsync(db => db.TraitValues.AsNoTracking().Where(v => v.ChainId == Chain && v.Contract == Contract).ToListAsync(Ct));
        Assert.Equal(expectedCounts, values.Select(v => (v.NormalizedName, v.NormalizedValue, v.Count)).Order().ToList());

        var traits = await QueryAsync(db => db.Traits.AsNoTracking().Where(t => t.ChainId == Chain && t.Contract == Contract).ToListAsync(Ct));
        Assert.Equal(expectedCounts.Select(c => c.Name).Distinct().Order(), traits.Select(t => t.NormalizedName).Order());
        Assert.Equal("number", traits.Single(t => t.NormalizedName == "level").ValueType);
        Assert.Equal("string", traits.Single(t => t.NormalizedName == "hat").ValueType);
    }

    private Task<int> ExecuteAsync(FormattableString sql) => QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(sql, Ct));

    private async Task<T> QueryAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }
}
