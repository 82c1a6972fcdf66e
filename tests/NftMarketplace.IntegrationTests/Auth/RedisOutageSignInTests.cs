using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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

/// <summary>
/// Redis is a cache and a fast path: frozen (SIGSTOP, the way a hung server or a network black hole looks to a client),
/// sign-in keeps working from Postgres within about a second per call, and revocation still holds. The test freezes a
/// redis-server of its own, so the rest of the suite keeps the shared one.
/// </summary>
public sealed class RedisOutageSignInTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const long Chain = 31337;

    private static readonly TimeSpan PerCallBudget = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Sign_in_works_from_Postgres_while_Redis_is_frozen_and_a_signed_out_session_stays_refused()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var server = await StartAsync(redis.ConnectionString);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new SiweClient(http, "app.nft.test", Chain);
        var wallet = EthECKey.GenerateKey();
        var before = await client.SignInAsync(wallet);
        var signedOut = await client.SignInAsync(wallet);
        Assert.True((await client.PostAsync("mutation { signOut }", accessToken: signedOut.AccessToken)).Field("signOut").GetBoolean());

        var timings = new List<TimeSpan>();
        redis.Freeze();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var watch = Stopwatch.StartNew();
                var nonce = await client.NonceAsync(wallet);
                var nonceTime = watch.Elapsed;
                var message = client.Message(wallet, nonce);
                var verified = SiweClient.Session(await client.VerifyAsync(wallet, message, SiweClient.Sign(wallet, message)), "verifySiwe");
                timings.Add(nonceTime);
                timings.Add(watch.Elapsed - nonceTime);
                Assert.Equal(before.UserId, verified.UserId);
            }

            var refreshed = await client.RefreshAsync(before.RefreshToken);
            var revoked = await client.PostAsync("{ me { id } }", accessToken: signedOut.AccessToken);
            var live = await client.PostAsync("{ me { id } }", accessToken: before.AccessToken);

            Assert.Null(refreshed.ErrorCode);
            Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (revoked.Status, revoked.ErrorCode));
            Assert.Null(live.ErrorCode);
            Assert.All(timings, t => Assert.True(t < PerCallBudget, $"a sign-in call took {t} with Redis frozen"));
        }
        finally
        {
            redis.Thaw();
        }

        // And once Redis is back, the fast path is used again without a restart.
        Assert.Null((await client.PostAsync("{ me { id } }", accessToken: (await client.SignInAsync(wallet)).AccessToken)).ErrorCode);
    }

    private async Task<GatewayServer> StartAsync(string redis)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var server = await GatewayServer.StartAsync(
            Infrastructure, Environment,
            builder => builder.AddAuthModule().AddUsersModule().AddWalletsModule().AddRegistryModule(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:redis"] = redis,
                ["Auth:Signing:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
                ["Auth:Siwe:AllowedDomains:0"] = "app.nft.test",
                ["Auth:Siwe:NoncesPerIpPerMinute"] = "100000",
                ["Auth:Siwe:NoncesPerAccountPerMinute"] = "100",
                ["Registry:DevChain:Enabled"] = "false",
            });
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new AddChain(ChainId.Eip155(Chain), "Anvil", "ETH", 18, null, null, 1, Enabled: true), TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>A redis-server of this test's own on a free loopback port, which it may stop and continue.</summary>
    private sealed class OwnRedis : IAsyncDisposable
    {
        private readonly Process _process;
        private bool _frozen;

        private OwnRedis(Process process, int port)
        {
            _process = process;
            ConnectionString = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        }

        public string ConnectionString { get; }

        public static async Task<OwnRedis> StartAsync()
        {
            var port = FreePort();
            var process = Process.Start(new ProcessStartInfo(
                "redis-server",
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            var redis = new OwnRedis(process, port);
            await Eventually.Until(() => CanConnectAsync(port), up => up, "redis-server to listen");
            return redis;
        }

        /// <summary>SIGSTOP: the server keeps its socket open and answers nothing.</summary>
        public void Freeze()
        {
            Signal("-STOP");
            _frozen = true;
        }

        public void Thaw()
        {
            if (_frozen)
            {
                Signal("-CONT");
                _frozen = false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Thaw();
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private void Signal(string signal)
        {
            using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task<bool> CanConnectAsync(int port)
        {
            using var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
