using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nethereum.Signer;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>
/// A nonce's lifetime, on the product's clock: the modules run on a <see cref="FakeTimeProvider"/> moved past the
/// lifetime instead of waiting it out. Postgres decides (the conditional UPDATE compares <c>expires_at</c> with the
/// clock); the Redis copy still exists, as it would within its TTL, so that fast path cannot hide the refusal.
/// </summary>
public sealed class NonceExpiryTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string Domain = "app.nft.test";
    private const long Chain = 31337;
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_nonce_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StartAsync(clock);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new SiweClient(http, Domain, Chain);
        var wallet = EthECKey.GenerateKey();
        var nonce = await client.NonceAsync(wallet);
        var message = client.Message(wallet, nonce, expirationTime: DateTimeOffset.UtcNow + 2 * NonceLifetime);

        clock.Advance(NonceLifetime);
        var verify = await client.VerifyAsync(wallet, message, SiweClient.Sign(wallet, message));

        Assert.Equal("UNAUTHENTICATED", verify.ErrorCode);
        Assert.Equal(["nonce_expired"], await LoginResultsAsync(wallet));
    }

    private async Task<GatewayServer> StartAsync(FakeTimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = await GatewayServer.StartAsync(
            Infrastructure, Environment,
            builder =>
            {
                // Registered last, so every module's TimeProvider is this one.
                builder.AddAuthModule().AddUsersModule().AddWalletsModule().AddRegistryModule();
                builder.Services.AddSingleton<TimeProvider>(clock);
            },
            new Dictionary<string, string?>
            {
                ["Auth:Signing:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
                ["Auth:Siwe:AllowedDomains:0"] = Domain,
                ["Auth:Siwe:NonceLifetime"] = NonceLifetime.ToString("c"),
                // Every test signs in from loopback against the one Redis: the per-IP budget is not what this tests.
                ["Auth:Siwe:NoncesPerIpPerMinute"] = "100000",
                ["Registry:DevChain:Enabled"] = "false",
            });
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new AddChain(ChainId.Eip155(Chain), "Anvil", "ETH", 18, null, null, 1, Enabled: true), Ct);
        return server;
    }

    private async Task<List<string>> LoginResultsAsync(EthECKey wallet)
    {
        await using var connection = new NpgsqlConnection(Environment.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT result FROM auth.login_events WHERE kind = 'sign_in' AND account_id = @account ORDER BY ts, id", connection);
        command.Parameters.AddWithValue("account", SiweClient.AccountIdOf(wallet, Chain));
        var results = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            results.Add(reader.GetString(0));
        }

        return results;
    }
}
