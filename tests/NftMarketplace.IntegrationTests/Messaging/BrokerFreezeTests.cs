using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nethereum.Signer;
using Nethereum.Web3.Accounts;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Messaging;

/// <summary>
/// The broker frozen (SIGSTOP: its sockets stay open and nothing answers, as a hung broker or a network black hole
/// looks) under a real Host: sign-ins go on, because nothing on the request path waits on RabbitMQ (their events go
/// into the outboxes), and once the broker continues every event written meanwhile reaches its consumer once. The
/// broker is the whole run's, so the test runs alone and keeps the freeze short.
/// </summary>
[Collection(SharedServerOutage.Name)]
public sealed class BrokerFreezeTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string Domain = "app.nft.test";

    /// <summary>
    /// As long as the RabbitMQ client waits for a reply to a request (20 s), and well under its 60 s heartbeat, so the
    /// connection stays; short, because the broker is the whole run's.
    /// </summary>
    private static readonly TimeSpan FreezeFor = TimeSpan.FromSeconds(20);

    /// <summary>A call waiting on the broker would take the whole freeze; a busy machine takes a second or two.</summary>
    private static readonly TimeSpan PerCallBudget = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_ins_go_on_while_the_broker_is_frozen_and_each_of_their_events_is_consumed_once_it_continues()
    {
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // A deployer of its own, so the dev-chain bootstrap never races another test's nonces on the shared chain.
        var deployer = (Account)(await new TestChain(Infrastructure.ChainRpcUri).NewAccountAsync()).TransactionManager.Account;
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            configuration["Registry__DevChain__Enabled"] = "true";
            configuration["Registry__DevChain__DeployerKey"] = deployer.PrivateKey;
            configuration["Auth__Signing__PrivateKey"] = signingKey.ExportPkcs8PrivateKeyPem();
            configuration["Auth__Siwe__AllowedDomains__0"] = Domain;
        });
        // A call hanging on the broker fails after this, so the freeze cannot outlast FreezeFor by more.
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var client = new SiweClient(http, Domain, TestChain.ChainId);
        await Eventually.Until(
            () => client.PostAsync("{ chain(id: \"eip155:31337\") { enabled } }"),
            reply => reply.ErrorCode is null && reply.Data.GetProperty("chain").GetProperty("enabled").GetBoolean(),
            "the dev chain registered and enabled",
            TimeSpan.FromSeconds(120));

        // One sign-in before the freeze, consumed: the Host's connection is up and its consumers run.
        await client.SignInAsync(EthECKey.GenerateKey());
        await Eventually.Until(() => ConsumedAsync(), consumed => consumed == (1, 1), "the first sign-in's events consumed");
        await Eventually.Until(() => UnpublishedAsync(), count => count == 0, "the first sign-in's events published");
        var rowsBefore = await OutboxRowsAsync();

        var signedIn = new List<(EthECKey Wallet, SignedIn Session)>();
        var slowest = TimeSpan.Zero;
        using (ProcessFreeze.Start(await Infrastructure.RabbitMqProcessIdAsync(), "beam.smp"))
        {
            var frozen = Stopwatch.StartNew();
            while (frozen.Elapsed < FreezeFor)
            {
                var wallet = EthECKey.GenerateKey();
                var call = Stopwatch.StartNew();
                var session = await client.SignInAsync(wallet);
                slowest = call.Elapsed > slowest ? call.Elapsed : slowest;
                signedIn.Add((wallet, session));
            }

            // The broker really is away: every event of the freeze is still in an outbox.
            Assert.Equal(await OutboxRowsAsync() - rowsBefore, await UnpublishedAsync());
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{signedIn.Count} sign-ins in {FreezeFor} with the broker frozen; the slowest took {slowest}");

        Assert.True(slowest < PerCallBudget, $"a sign-in took {slowest} while the broker was frozen");
        Assert.True(signedIn.Count >= 3, $"only {signedIn.Count} sign-ins in {FreezeFor}");
        var events = 1 + signedIn.Count;

        // Every event written during the freeze is published and applied: the wallet's last sign-in time (Wallets, on
        // user.logged_in) and the user's primary address (Users, on wallet.linked).
        await Eventually.Until(() => UnpublishedAsync(), count => count == 0, "every outbox row published", TimeSpan.FromSeconds(60));
        await Eventually.Until(() => ConsumedAsync(), consumed => consumed == (events, events), "every event consumed", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await InboxRowsWithoutOutboxRowAsync());
        foreach (var (wallet, session) in signedIn)
        {
            var me = (await client.PostAsync("{ me { primaryAddress wallets { lastSeenAt } } }", accessToken: session.AccessToken)).Field("me");
            Assert.Equal(wallet.GetPublicAddress(), me.GetProperty("primaryAddress").GetString());
            Assert.Equal(JsonValueKind.String, Assert.Single(me.GetProperty("wallets").EnumerateArray()).GetProperty("lastSeenAt").ValueKind);
        }

        // Once each: the broker took each event into its queue once and handed it out once, nothing was retried or parked.
        using var management = Management();
        foreach (var queue in new[] { "subs.auth.logged_in", "subs.wallets.linked" })
        {
            var stats = await Eventually.Until(
                () => QueueStatsAsync(management, queue),
                s => s.Messages == 0 && s.Published >= events && s.Acknowledged >= events,
                $"the statistics of {queue}");
            Assert.Equal((events, 0L), (stats.Published, stats.Redelivered));
            Assert.Equal(0L, (await QueueStatsAsync(management, QueueNames.Parking(queue))).Messages);
        }
    }

    private async Task<long> OutboxRowsAsync() =>
        await ScalarAsync("""
            SELECT (SELECT count(*) FROM auth.outbox_messages)
                 + (SELECT count(*) FROM wallets.outbox_messages)
                 + (SELECT count(*) FROM users.outbox_messages)
            """);

    /// <summary>Rows of every outbox not yet confirmed by the broker.</summary>
    private async Task<long> UnpublishedAsync() =>
        await ScalarAsync("""
            SELECT (SELECT count(*) FROM auth.outbox_messages WHERE published_at IS NULL)
                 + (SELECT count(*) FROM wallets.outbox_messages WHERE published_at IS NULL)
                 + (SELECT count(*) FROM users.outbox_messages WHERE published_at IS NULL)
            """);

    /// <summary>How many user.logged_in events Wallets applied and how many wallet.linked events Users applied.</summary>
    private async Task<(long LoggedIn, long Linked)> ConsumedAsync() =>
        (await ScalarAsync("SELECT count(*) FROM wallets.processed_events WHERE consumer = 'subs.auth.logged_in'"),
         await ScalarAsync("SELECT count(*) FROM users.processed_events WHERE consumer = 'subs.wallets.linked'"));

    /// <summary>Applied events that no outbox row raised (a consumer applying something twice under another id).</summary>
    private async Task<long> InboxRowsWithoutOutboxRowAsync() =>
        await ScalarAsync("""
            SELECT (SELECT count(*) FROM wallets.processed_events p WHERE p.consumer = 'subs.auth.logged_in'
                      AND NOT EXISTS (SELECT 1 FROM auth.outbox_messages o WHERE o.id = p.event_id AND o.routing_key = 'user.logged_in'))
                 + (SELECT count(*) FROM users.processed_events p WHERE p.consumer = 'subs.wallets.linked'
                      AND NOT EXISTS (SELECT 1 FROM wallets.outbox_messages o WHERE o.id = p.event_id AND o.routing_key = 'wallet.linked'))
            """);

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private HttpClient Management()
    {
        var credentials = Infrastructure.RabbitMqCredentials;
        var management = new HttpClient { BaseAddress = Infrastructure.RabbitMqManagementUri };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}")));
        return management;
    }

    /// <summary>The management API's counters of one queue of this test's virtual host (they lag by a few seconds).</summary>
    private async Task<QueueStats> QueueStatsAsync(HttpClient management, string queue)
    {
        var vhost = Uri.EscapeDataString(Environment.RabbitMqUri.AbsolutePath.TrimStart('/'));
        var body = await management.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}", Ct);
        var stats = body.TryGetProperty("message_stats", out var s) ? s : default;
        return new QueueStats(
            body.TryGetProperty("messages", out var messages) ? messages.GetInt64() : -1,
            Counter(stats, "publish"),
            Counter(stats, "ack"),
            Counter(stats, "redeliver"));
    }

    private static long Counter(JsonElement stats, string name) =>
        stats.ValueKind == JsonValueKind.Object && stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;

    private sealed record QueueStats(long Messages, long Published, long Acknowledged, long Redelivered);
}
