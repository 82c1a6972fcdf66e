using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NftMarketplace.Benchmarks.Siwe;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.Benchmarks.Catalog;

/// <summary>
/// <c>./nft bench catalog [iterations]</c>: a collection page — 50 tokens of a 10,000-token, 8-trait collection, filtered
/// on two traits, rarest first — through GraphQL over HTTP on the Host's composition, against the same page written by
/// hand in SQL through Npgsql, in one run on the stack's servers. The GraphQL side is measured twice: with the read
/// cache (a repeated page is a Redis hit) and without it (<c>Catalog:Reading:CacheTtl=0</c>: every page from
/// Postgres, the honest comparison with the SQL). Goal: at most 1.5× the SQL, p99 at most 15 ms.
/// </summary>
internal static class CatalogPageBench
{
    private const int Tokens = 10_000;
    private const double GoalRatio = 1.5;
    private const double GoalP99Milliseconds = 15;
    private const string Chain = "eip155:31337";

    private const string Query = """
        query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) {
          tokens(first: 50, orderBy: RARITY_RANK_ASC, filter: { traits: [{ name: "Background", values: ["Background 1"] }, { name: "Body", values: ["Body 1"] }] }) {
            edges { cursor node { tokenId owner name imageUrl rarity { rank score } } } pageInfo { hasNextPage endCursor } } } }
        """;

    /// <summary>
    /// What the GraphQL page reads, as one would write it by hand: one statement, only the columns the page shows, the
    /// ranked tokens alone (an inner join, so no unranked tail to append), each trait as <c>=</c> on the (name, value,
    /// token id) index, flags as an anti-join, the page's 51 keys picked before the names and images of those rows alone
    /// are joined. Same data source and pool as the Host's reads; no cache.
    /// </summary>
    private const string HandSql = """
        SELECT t.token_id::text, t.owner, m.name, m.image_url, p.rank, p.score
        FROM (SELECT r.chain_id, r.contract, r.token_id, r.rank, r.score
              FROM catalog.token_rarity r
              JOIN catalog.tokens t ON t.chain_id = r.chain_id AND t.contract = r.contract AND t.token_id = r.token_id
              WHERE r.chain_id = @chain AND r.contract = @contract AND t.supply > 0
                AND EXISTS (SELECT 1 FROM catalog.token_traits x WHERE x.chain_id = r.chain_id AND x.contract = r.contract AND x.token_id = r.token_id
                            AND x.normalized_name = 'background' AND x.normalized_value = 'background 1')
                AND EXISTS (SELECT 1 FROM catalog.token_traits x WHERE x.chain_id = r.chain_id AND x.contract = r.contract AND x.token_id = r.token_id
                            AND x.normalized_name = 'body' AND x.normalized_value = 'body 1')
                AND NOT EXISTS (SELECT 1 FROM catalog.nft_flags f WHERE f.chain_id = r.chain_id AND f.contract = r.contract AND f.token_id = r.token_id
                                AND (f.is_spam OR f.is_nsfw))
              ORDER BY r.rank, r.token_id
              LIMIT 51) p
        JOIN catalog.tokens t ON t.chain_id = p.chain_id AND t.contract = p.contract AND t.token_id = p.token_id
        LEFT JOIN catalog.metadata_docs m ON m.chain_id = p.chain_id AND m.contract = p.contract AND m.token_id = p.token_id
        ORDER BY p.rank, p.token_id
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2_000;
        try
        {
            var stack = StackEndpoints.Read(StackEndpoints.DefaultStateDirectory);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"NftMarketplace catalog page benchmark — {Tokens:#,0} tokens × 8 traits, {iterations:#,0} pages per side, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
            var contract = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
            var logs = Path.Combine(stack.StateDirectory, "logs", "bench-catalog");
            Directory.CreateDirectory(logs);

            var rows = new List<string>();
            foreach (var (cacheTtl, label) in new[] { ("00:00:00", "GraphQL, no read cache"), ("00:05:00", "GraphQL, read cache") })
            {
                await using var host = await BenchHost.StartAsync(stack, Path.Combine(logs, "host.log"), new Dictionary<string, string?> { ["Catalog:Reading:CacheTtl"] = cacheTtl });
                var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
                if (rows.Count == 0)
                {
                    var seeded = System.Diagnostics.Stopwatch.StartNew();
                    await SeedAsync(dataSource, contract);
                    Console.WriteLine($"seeded {contract} in {seeded.Elapsed.TotalSeconds:F1} s");
                }

                using var http = new HttpClient { BaseAddress = host.GraphQL };
                var graphQL = new LatencySample(label);
                var sql = new LatencySample("hand-written SQL (Npgsql)");
                var expected = await CheckSameAnswerAsync(http, dataSource, contract);
                var warmup = Math.Min(200, iterations);
                await graphQL.MeasureAsync(() => PageAsync(http, contract), warmup);
                await sql.MeasureAsync(() => SqlPageAsync(dataSource, contract), warmup);
                graphQL = new LatencySample(label);
                sql = new LatencySample("hand-written SQL (Npgsql)");
                // Interleaved in blocks, so both sides see the same moments of a shared machine.
                for (var done = 0; done < iterations; done += 100)
                {
                    await graphQL.MeasureAsync(() => PageAsync(http, contract), Math.Min(100, iterations - done));
                    await sql.MeasureAsync(() => SqlPageAsync(dataSource, contract), Math.Min(100, iterations - done));
                }

                rows.Add(LatencySample.Row(graphQL, sql));
                var p99 = graphQL.Percentile(99) / 1000;
                var ratio = graphQL.Percentile(50) / sql.Percentile(50);
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"|  ↳ {label}: {expected} tokens on the page; goal ≤ {GoalRatio}× and p99 ≤ {GoalP99Milliseconds} ms — "
                    + $"{(ratio <= GoalRatio && p99 <= GoalP99Milliseconds ? "met" : "NOT met")} ({ratio:0.00}×, p99 {p99:0.0} ms) | | | | | | | |"));
            }

            Console.WriteLine();
            Console.WriteLine("baseline: the page as one hand-written SQL statement through Npgsql on the Host's data source — only the shown "
                + "columns, ranked tokens by an inner join, each trait as = on the (name, value, token id) index, flags as an anti-join, "
                + "the 51 keys picked before names and images are joined, no cache");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end: {LoadAverage()}"));
            Console.WriteLine("| scenario | n | p50 | p99 | baseline | baseline p50 | baseline p99 | p50 ratio | p99 ratio |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"bench catalog: {ex.Message}");
            return 1;
        }
    }

    // The machine may be shared: the figures mean little without it.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task PageAsync(HttpClient http, string contract)
    {
        using var response = await http.PostAsJsonAsync("", new { query = Query, variables = new { c = Chain, a = contract } });
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<int> SqlPageAsync(NpgsqlDataSource dataSource, string contract)
    {
        await using var command = dataSource.CreateCommand(HandSql);
        command.Parameters.AddWithValue("chain", Chain);
        command.Parameters.AddWithValue("contract", contract);
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            _ = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetDouble(5));
            count++;
        }

        return count;
    }

    /// <summary>Both sides must answer the same page, or the comparison means nothing.</summary>
    private static async Task<int> CheckSameAnswerAsync(HttpClient http, NpgsqlDataSource dataSource, string contract)
    {
        using var response = await http.PostAsJsonAsync("", new { query = Query, variables = new { c = Chain, a = contract } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var edges = body.GetProperty("data").GetProperty("collection").GetProperty("tokens").GetProperty("edges");
        var graphQLIds = edges.EnumerateArray().Select(e => e.GetProperty("node").GetProperty("tokenId").GetString()).ToList();
        await using var command = dataSource.CreateCommand(HandSql);
        command.Parameters.AddWithValue("chain", Chain);
        command.Parameters.AddWithValue("contract", contract);
        var sqlIds = new List<string?>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync() && sqlIds.Count < 50)
            {
                sqlIds.Add(reader.GetString(0));
            }
        }

        return graphQLIds.Count == 50 && graphQLIds.SequenceEqual(sqlIds)
            ? graphQLIds.Count
            : throw new InvalidOperationException($"GraphQL and SQL answer different pages: {string.Join(',', graphQLIds)} / {string.Join(',', sqlIds)}");
    }

    /// <summary>The synthetic collection of <c>./nft bench rarity</c>, stored as the catalog would: tokens, traits, rarity, documents.</summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource, string contract)
    {
        var tokens = SyntheticCollection.Create(Tokens, seed: 42);
        var ranks = OpenRarityRanker.Rank(tokens);
        var ids = Enumerable.Range(1, Tokens).Select(i => (decimal)i).ToArray();
        var owners = Enumerable.Range(0, Tokens).Select(i => "0x" + (i % 500).ToString("x40", CultureInfo.InvariantCulture)).ToArray();
        var links = tokens.SelectMany((attributes, i) => attributes.Where(a => a.Kind == TraitValueKind.String)
            .Select(a => (Token: (decimal)(i + 1), Name: TraitText.Normalize(a.TraitType), Value: TraitText.Normalize(a.Value), a.TraitType, Raw: a.Value)))
            .DistinctBy(l => (l.Token, l.Name)).ToList();
        var values = links.GroupBy(l => (l.Name, l.Value)).Select(g => (g.Key.Name, g.Key.Value, g.First().Raw, Count: g.Count())).ToList();
        var traits = links.GroupBy(l => l.Name).Select(g => (Name: g.Key, Raw: g.First().TraitType)).ToList();

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task RunAsync(string sql, params object[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters.AddWithValue("p" + i.ToString(CultureInfo.InvariantCulture), parameters[i]);
            }

            await command.ExecuteNonQueryAsync();
        }

        await RunAsync("""
            INSERT INTO catalog.collections (chain_id, address, standard, source, name, slug, deployed_log_index, total_minted, created_at, updated_at)
            VALUES (@p0, @p1, 'erc721', 'factory', 'Bench', @p1, 0, 10000, now(), now());
            INSERT INTO catalog.collection_stats (chain_id, address, items_count, owners_count, updated_at) VALUES (@p0, @p1, 10000, 500, now())
            """, Chain, contract);
        await RunAsync("""
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, minted_block, minted_at, created_at, updated_at)
            SELECT @p0, @p1, id, 'erc721', owner, 1, false, id, now(), now(), now() FROM unnest(@p2::numeric[], @p3::text[]) AS x(id, owner);
            INSERT INTO catalog.token_balances (chain_id, contract, token_id, owner, quantity, updated_at)
            SELECT @p0, @p1, id, owner, 1, now() FROM unnest(@p2::numeric[], @p3::text[]) AS x(id, owner);
            INSERT INTO catalog.metadata_docs (chain_id, contract, token_id, token_uri, status, name, image_url, attempts, updated_at)
            SELECT @p0, @p1, id, 'ipfs://bench/' || id, 'OK', 'Bench #' || id, 'https://img.example/' || id || '.png', 1, now() FROM unnest(@p2::numeric[]) AS x(id);
            INSERT INTO catalog.token_rarity (chain_id, contract, token_id, score, rank, method, computed_at)
            SELECT @p0, @p1, id, score, rank, 'openrarity', now() FROM unnest(@p2::numeric[], @p4::float8[], @p5::int[]) AS x(id, score, rank)
            """, Chain, contract, ids, owners, ranks.Select(r => r.Score).ToArray(), ranks.Select(r => r.Rank).ToArray());
        await RunAsync("""
            INSERT INTO catalog.token_traits (chain_id, contract, token_id, normalized_name, normalized_value)
            SELECT @p0, @p1, id, n, v FROM unnest(@p2::numeric[], @p3::text[], @p4::text[]) AS x(id, n, v)
            """, Chain, contract, links.Select(l => l.Token).ToArray(), links.Select(l => l.Name).ToArray(), links.Select(l => l.Value).ToArray());
        await RunAsync("""
            INSERT INTO catalog.trait_values (chain_id, contract, normalized_name, normalized_value, value, count)
            SELECT @p0, @p1, n, v, r, c FROM unnest(@p2::text[], @p3::text[], @p4::text[], @p5::int[]) AS x(n, v, r, c);
            INSERT INTO catalog.traits (chain_id, contract, normalized_name, name, value_type) SELECT @p0, @p1, n, r, 'string' FROM unnest(@p6::text[], @p7::text[]) AS x(n, r)
            """, Chain, contract, values.Select(v => v.Name).ToArray(), values.Select(v => v.Value).ToArray(), values.Select(v => v.Raw).ToArray(),
            values.Select(v => v.Count).ToArray(), traits.Select(t => t.Name).ToArray(), traits.Select(t => t.Raw).ToArray());
        await transaction.CommitAsync();
        await RunAnalyzeAsync(dataSource);
    }

    // Fresh rows: the planner needs their statistics to pick the trait and rarity indexes, as autovacuum would give it soon.
    private static async Task RunAnalyzeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("ANALYZE catalog.tokens, catalog.token_traits, catalog.token_rarity, catalog.metadata_docs, catalog.nft_flags");
        await command.ExecuteNonQueryAsync();
    }
}
