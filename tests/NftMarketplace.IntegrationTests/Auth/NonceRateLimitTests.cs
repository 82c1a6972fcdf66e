using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
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

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>Nonces are limited per account and per client network, across replicas (the counters live in Redis).</summary>
public sealed class NonceRateLimitTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const long Chain = 31337;

    [Fact]
    public async Task An_account_asking_too_often_is_rate_limited_while_another_is_not()
    {
        await using var server = await StartAsync(perAccount: 3, perIp: 1_000);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new SiweClient(http, "app.nft.test", Chain);
        var busy = EthECKey.GenerateKey();

        var replies = new List<GraphQLReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await client.RequestNonceAsync(busy));
        }

        Assert.Equal([null, null, null, "RATE_LIMITED"], replies.Select(r => r.ErrorCode));
        // Like the gateway's own limit: a Retry-After header within the one-minute window, and the same hint in the error.
        var limited = replies[^1];
        Assert.NotNull(limited.RetryAfter);
        Assert.InRange(limited.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal((int)limited.RetryAfter.Value.TotalSeconds, limited.RetryAfterHint);
        Assert.Null((await client.RequestNonceAsync(EthECKey.GenerateKey())).ErrorCode);
    }

    [Fact]
    public async Task One_network_asking_for_many_accounts_is_rate_limited()
    {
        await using var server = await StartAsync(perAccount: 100, perIp: 5);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new SiweClient(http, "app.nft.test", Chain);

        // Every test client is 127.0.0.1 and the counters are shared: others can only bring the limit closer.
        var asked = 0;
        GraphQLReply reply;
        do
        {
            reply = await client.RequestNonceAsync(EthECKey.GenerateKey());
            asked++;
        }
        while (reply.ErrorCode is null && asked <= 6);

        Assert.Equal("RATE_LIMITED", reply.ErrorCode);
        Assert.InRange(asked, 1, 6);
    }

    private async Task<GatewayServer> StartAsync(int perAccount, int perIp)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = await GatewayServer.StartAsync(
            Infrastructure, Environment,
            builder => builder.AddAuthModule().AddUsersModule().AddWalletsModule().AddRegistryModule(),
            new Dictionary<string, string?>
            {
                ["Auth:Signing:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
                ["Auth:Siwe:AllowedDomains:0"] = "app.nft.test",
                ["Auth:Siwe:NoncesPerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Auth:Siwe:NoncesPerIpPerMinute"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Registry:DevChain:Enabled"] = "false",
            });
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new AddChain(ChainId.Eip155(Chain), "Anvil", "ETH", 18, null, null, 1, Enabled: true), TestContext.Current.CancellationToken);
        return server;
    }
}
