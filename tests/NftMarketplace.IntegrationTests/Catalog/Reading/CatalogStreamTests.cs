using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;
using static NftMarketplace.IntegrationTests.Catalog.Reading.CatalogSeed;

namespace NftMarketplace.IntegrationTests.Catalog.Reading;

/// <summary>
/// What follows the catalog's <c>ActivitiesRecorded</c> (published through its outbox, consumed from RabbitMQ):
/// <c>onCollectionActivity</c> frames over a real WebSocket, retractions included, and cached pages that move on at
/// once. And the cost of a full page: a handful of statements, whatever its size.
/// </summary>
public sealed class CatalogStreamTests(InfrastructureFixture infrastructure) : CatalogReadTest(infrastructure)
{
    private const string Subscription = """
        subscription($c: ChainId!, $a: Address!) { onCollectionActivity(chainId: $c, address: $a) {
          retracted activity { id type chainId contract tokenId from to quantity txHash blockNumber logIndex timestamp } } }
        """;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ExecuteAsync(CatalogSeed.Sql);
    }

    [Fact]
    public async Task Subscribers_get_each_recorded_activity_then_its_retraction_and_unknown_collections_are_not_found()
    {
        var endpoint = new UriBuilder(Server.GraphQLEndpoint) { Scheme = "ws" }.Uri;
        using var client = await WsClient.ConnectAsync(endpoint);
        await client.SubscribeAsync("unknown", Subscription, new { c = Chain, a = "0xd000000000000000000000000000000000000004" });
        var refused = await client.ReceiveAsync();
        // A field error of the subscription's source stream: its result carries the error, as for a query.
        var errors = refused.GetProperty("payload") is { ValueKind: JsonValueKind.Array } payload ? payload : refused.GetProperty("payload").GetProperty("errors");
        Assert.True(refused.GetProperty("id").GetString() == "unknown" && errors[0].GetProperty("extensions").GetProperty("code").GetString() == "NOT_FOUND", refused.ToString());

        var art = await FreshCollectionAsync();
        await client.SubscribeAsync("art", Subscription, new { c = Chain, a = art });
        var broker = Server.Services.GetRequiredService<SubscriptionBroker>();
        await Eventually.Until(() => Task.FromResult(broker.SubscriberCount("catalog:activity:" + Chain + ":" + art)), n => n == 1, "the subscription to listen");

        var transfer = Activity(art, 30, 0, "TRANSFER", "1", Alice, Bob);
        var mint = Activity(art, 31, 0, "MINT", "8", "0x0000000000000000000000000000000000000000", Carol);
        await PublishAsync(new ActivitiesRecorded(Chain, art, false, [transfer, mint]));
        await PublishAsync(new ActivitiesRecorded(Chain, art, true, [transfer]));

        var frames = new List<JsonElement>();
        while (frames.Count < 3)
        {
            var frame = await client.ReceiveAsync();
            if (frame.GetProperty("id").GetString() == "unknown")
            {
                continue;
            }

            Assert.Equal(("next", "art"), (frame.GetProperty("type").GetString(), frame.GetProperty("id").GetString()));
            frames.Add(frame.GetProperty("payload").GetProperty("data").GetProperty("onCollectionActivity"));
        }

        Assert.Equal(
            [(transfer.Id, "TRANSFER", false), (mint.Id, "MINT", false), (transfer.Id, "TRANSFER", true)],
            frames.Select(f => (f.GetProperty("activity").GetProperty("id").GetString(), f.GetProperty("activity").GetProperty("type").GetString(), f.GetProperty("retracted").GetBoolean())));
        var first = frames[0].GetProperty("activity");
        Assert.Equal(("1", "30", 0, "2026-02-01T00:00:00Z", transfer.TxHash), (first.GetProperty("tokenId").GetString(), first.GetProperty("blockNumber").GetString(),
            first.GetProperty("logIndex").GetInt32(), first.GetProperty("timestamp").GetString(), first.GetProperty("txHash").GetString()));
        // The retraction carries the same fields as the activity it retracts.
        Assert.Equal(frames[0].GetProperty("activity").GetRawText(), frames[2].GetProperty("activity").GetRawText());
    }

    [Fact]
    public async Task A_cached_collection_page_moves_on_as_soon_as_the_catalog_records_a_change()
    {
        const string Page = "query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) { name tokens { edges { node { tokenId } } } } }";
        var art = await FreshCollectionAsync();
        var before = (await GraphQLAsync(Page, new { c = Chain, a = art })).Ok("collection");
        Assert.Equal(["1", "2", "3"], TokenIds(before.GetProperty("tokens")));
        // Written as the consumers would, then announced: until the announcement the cached page is what readers get.
        await ExecuteAsync($"""
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, created_at, updated_at)
            VALUES ('{Chain}', '{art}', 8, 'erc721', '{Carol}', 1, false, now(), now());
            UPDATE catalog.collections SET name = 'Art, renamed' WHERE address = '{art}';
            """);
        Assert.Equal(["1", "2", "3"], TokenIds((await GraphQLAsync(Page, new { c = Chain, a = art })).Ok("collection").GetProperty("tokens")));

        await PublishAsync(new ActivitiesRecorded(Chain, art, false, [Activity(art, 31, 0, "MINT", "8", "0x0000000000000000000000000000000000000000", Carol)]));

        var after = await Eventually.Until(
            async () => (await GraphQLAsync(Page, new { c = Chain, a = art })).Ok("collection"),
            // The header and the page are two cached reads: a bump between them may show one before the other, once.
            page => TokenIds(page.GetProperty("tokens")).Contains("8") && page.GetProperty("name").GetString() == "Art, renamed",
            "the new token and name on the collection's page");
        Assert.Equal("Art, renamed", after.GetProperty("name").GetString());
        Assert.Equal(["1", "2", "3", "8"], TokenIds(after.GetProperty("tokens")));
    }

    [Fact]
    public async Task A_page_of_fifty_tokens_with_every_field_costs_a_handful_of_statements()
    {
        const string Big = "0xe000000000000000000000000000000000000005";
        const string HatCap = """[{"traitType":"Hat","value":"Cap","displayType":null}]""";
        await ExecuteAsync($"""
            INSERT INTO catalog.collections (chain_id, address, standard, source, slug, deployed_log_index, created_at, updated_at)
            VALUES ('{Chain}', '{Big}', 'erc721', 'factory', 'big', 0, now(), now());
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, minted_block, created_at, updated_at)
            SELECT '{Chain}', '{Big}', t, 'erc721', '{Alice}', 1, false, t, now(), now() FROM generate_series(1, 60) t;
            INSERT INTO catalog.token_balances (chain_id, contract, token_id, owner, quantity, updated_at)
            SELECT '{Chain}', '{Big}', t, '{Alice}', 1, now() FROM generate_series(1, 60) t;
            INSERT INTO catalog.metadata_docs (chain_id, contract, token_id, status, name, attributes, attempts, updated_at)
            SELECT '{Chain}', '{Big}', t, 'OK', 'Token ' || t, '{HatCap}', 1, now() FROM generate_series(1, 60) t;
            INSERT INTO catalog.token_rarity (chain_id, contract, token_id, score, rank, method, computed_at)
            SELECT '{Chain}', '{Big}', t, 1.0 / t, 61 - t, 'openrarity', now() FROM generate_series(1, 60) t;
            INSERT INTO catalog.activities (chain_id, tx_hash, log_index, batch_index, type, contract, token_id, from_address, to_address, quantity,
              block_number, block_hash, block_time)
            SELECT '{Chain}', '0x' || lpad(to_hex(1000 + t), 64, '0'), 0, 0, 'MINT', '{Big}', t, '0x0000000000000000000000000000000000000000', '{Alice}', 1,
              t, '{Hash}', now() FROM generate_series(1, 60) t;
            """);
        var statements = new List<string>();
        using var listener = CaptureStatements(statements, text => text.Contains(" catalog.", StringComparison.Ordinal) && !text.Contains("outbox_messages", StringComparison.Ordinal));

        var page = (await GraphQLAsync("""
            query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) { name stats { itemsCount } traits { name }
              tokens(first: 50, orderBy: RARITY_RANK_ASC) { totalCount edges { node {
                id tokenId owner supply name attributes { traitType value } metadataStatus rarity { rank score } flags { spam }
                collection { slug } balances(first: 1) { edges { node { owner quantity } } }
                activity(first: 1) { edges { node { id type } } } } } } } }
            """, new { c = Chain, a = Big })).Ok("collection");

        var tokens = page.GetProperty("tokens").GetProperty("edges");
        Assert.Equal(50, tokens.GetArrayLength());
        Assert.Equal(("60", 1, 1), (tokens[0].GetProperty("node").GetProperty("tokenId").GetString(),
            tokens[0].GetProperty("node").GetProperty("balances").GetProperty("edges").GetArrayLength(),
            tokens[49].GetProperty("node").GetProperty("activity").GetProperty("edges").GetArrayLength()));
        lock (statements)
        {
            // Collection, stats, traits, the page, its count, holders, activity: one each, not one per token.
            Assert.InRange(statements.Count, 5, 8);
        }
    }

    [Fact]
    public async Task A_rarity_page_walks_the_rank_index_so_its_plan_needs_no_sort()
    {
        var address = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        await ExecuteAsync($"""
            INSERT INTO catalog.collections (chain_id, address, standard, source, slug, deployed_log_index, created_at, updated_at)
            VALUES ('{Chain}', '{address}', 'erc721', 'factory', '{address}', 0, now(), now());
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, created_at, updated_at)
            SELECT '{Chain}', '{address}', t, 'erc721', '{Alice}', 1, false, now(), now() FROM generate_series(1, 30) t;
            INSERT INTO catalog.token_rarity (chain_id, contract, token_id, score, rank, method, computed_at)
            SELECT '{Chain}', '{address}', t, t, 31 - t, 'openrarity', now() FROM generate_series(1, 30) t;
            INSERT INTO catalog.token_traits (chain_id, contract, token_id, normalized_name, normalized_value)
            SELECT '{Chain}', '{address}', t, 'hat', CASE WHEN t % 2 = 0 THEN 'cap' ELSE 'crown' END FROM generate_series(1, 30) t;
            """);
        var statements = new List<string>();
        using var listener = CaptureStatements(statements, text => text.Contains(" catalog.token_rarity r", StringComparison.Ordinal));

        var page = (await GraphQLAsync("""
            query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) {
              tokens(first: 5, orderBy: RARITY_RANK_ASC, filter: { traits: [{ name: "Hat", values: ["Cap"] }] }) { edges { node { tokenId } } } } }
            """, new { c = Chain, a = address })).Ok("collection");
        Assert.Equal(["30", "28", "26", "24", "22"], TokenIds(page.GetProperty("tokens")));

        string statement;
        lock (statements)
        {
            statement = Assert.Single(statements);
        }

        // With sorts priced out, a plan still sorts only if no index yields the page's order: ranks must come from the
        // (collection, rank, token id) index, not from sorting every token that passes the filter.
        var explain = statement.Replace("@chain", $"'{Chain}'", StringComparison.Ordinal).Replace("@contract", $"'{address}'", StringComparison.Ordinal)
            .Replace("@tn0", "'hat'", StringComparison.Ordinal).Replace("@tv0", "'cap'", StringComparison.Ordinal);
        await using var connection = await Server.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Ct);
        await using (var off = new NpgsqlCommand("SET enable_sort = off", connection))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

#pragma warning disable CA2100 // The page's own statement, its parameters inlined by this test.
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + explain, connection);
#pragma warning restore CA2100
        var plan = (string)(await command.ExecuteScalarAsync(Ct))!;
        await using (var on = new NpgsqlCommand("RESET enable_sort", connection))
        {
            await on.ExecuteNonQueryAsync(Ct);
        }

        Assert.DoesNotContain("\"Node Type\": \"Sort\"", plan, StringComparison.Ordinal);
        Assert.Contains("ix_token_rarity_chain_id_contract_rank_token_id", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// A collection of this test alone (tokens 1–3): read versions and subscription topics live in the Redis every test
    /// shares, keyed by chain and address.
    /// </summary>
    private async Task<string> FreshCollectionAsync()
    {
        var address = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        await ExecuteAsync($"""
            INSERT INTO catalog.collections (chain_id, address, standard, source, name, slug, deployed_log_index, created_at, updated_at)
            VALUES ('{Chain}', '{address}', 'erc721', 'factory', 'Art', '{address}', 0, now(), now());
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, created_at, updated_at)
            SELECT '{Chain}', '{address}', t, 'erc721', '{Alice}', 1, false, now(), now() FROM generate_series(1, 3) t;
            """);
        return address;
    }

    private static ActivityDto Activity(string contract, long block, int log, string type, string tokenId, string from, string to)
    {
        var tx = Tx((int)block);
        return new ActivityDto($"{Chain}/{tx}/{log}/0", type, Chain, contract, tokenId, from, to, "1", null, tx, block, log, 0,
            new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero).AddDays(block));
    }

    /// <summary>Through the catalog's outbox, as its consumers publish.</summary>
    private async Task PublishAsync(ActivitiesRecorded recorded)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        db.AddIntegrationEvent(recorded);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Adds to <paramref name="statements"/> every statement on this test's database that <paramref name="keep"/> accepts, until disposed.</summary>
    private ActivityListener CaptureStatements(List<string> statements, Func<string, bool> keep)
    {
        var database = new NpgsqlConnectionStringBuilder(Environment.DatabaseConnectionString).Database;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string text && keep(text))
                {
                    lock (statements)
                    {
                        statements.Add(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
