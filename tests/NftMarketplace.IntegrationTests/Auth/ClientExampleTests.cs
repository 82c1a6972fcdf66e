using System.Diagnostics;
using System.Security.Cryptography;
using Nethereum.Web3.Accounts;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>
/// The README's client example (<c>examples/client/sign-in.mjs</c>: viem signs in, then <c>me</c> over HTTP and over
/// graphql-ws) run unchanged against the real Host in Development, where the Host's own address is an allowed domain.
/// </summary>
public sealed class ClientExampleTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_client_example_signs_in_and_reads_me_over_http_and_websocket()
    {
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // A deployer of its own, so the dev-chain bootstrap never races another test's nonces on the shared chain.
        var deployer = (Account)(await new TestChain(Infrastructure.ChainRpcUri).NewAccountAsync()).TransactionManager.Account;
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            configuration["ASPNETCORE_ENVIRONMENT"] = "Development";
            configuration["Registry__DevChain__DeployerKey"] = deployer.PrivateKey;
            configuration["Auth__Signing__PrivateKey"] = signingKey.ExportPkcs8PrivateKeyPem();
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var client = new SiweClient(http, host.BaseAddress.Authority, TestChain.ChainId);
        // The bootstrap registers the dev chain in the background; sign-in needs it.
        await Eventually.Until(
            () => client.PostAsync("{ chain(id: \"eip155:31337\") { enabled } }"),
            reply => reply.ErrorCode is null && reply.Data.GetProperty("chain").GetProperty("enabled").GetBoolean(),
            "the dev chain registered and enabled",
            TimeSpan.FromSeconds(120));

        var (exitCode, output) = await RunExampleAsync(new Uri(host.BaseAddress, "graphql"));

        Assert.True(exitCode == 0, output);
        Assert.Matches("""HTTP: \{"me":\{"id":"[^"]+","wallets":\[\{"address":"0x[0-9a-fA-F]{40}","isPrimary":true\}\]\}\}""", output);
        Assert.Matches("""WebSocket: \{"me":\{"id":"[^"]+","wallets":\[\{"address":"0x[0-9a-fA-F]{40}","isPrimary":true\}\]\}\}""", output);
    }

    private static Task<(int ExitCode, string Output)> RunExampleAsync(Uri graphql)
    {
        var directory = Path.Combine(Repository.Root, "examples", "client");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules")), "Run `npm ci` in examples/client (./nft test does).");
        return NodeTests.RunNodeAsync(
            directory, ["sign-in.mjs"], new Dictionary<string, string> { ["GRAPHQL_URL"] = graphql.ToString() }, Limit,
            "examples/client/sign-in.mjs");
    }
}
