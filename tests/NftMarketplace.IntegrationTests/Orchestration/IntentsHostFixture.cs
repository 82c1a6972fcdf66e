using System.Security.Cryptography;
using Nethereum.Signer;
using Nethereum.Web3.Accounts;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// One real Host for the intent tests: the dev-chain bootstrap deploys the factory with a deployer key of its own,
/// the receipt watcher looks often, and a tracked hash the node does not know is refused after a short grace.
/// </summary>
public sealed class IntentsHostFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const string GracePeriod = "00:00:01";

    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public InfrastructureFixture Infrastructure => infrastructure;

    public IsolatedEnvironment Environment { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public EthECKey Admin { get; } = EthECKey.GenerateKey();

    public Uri WebSocketUri => new UriBuilder(Host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    public async ValueTask InitializeAsync()
    {
        Environment = await IsolatedEnvironment.CreateAsync(
            infrastructure.PostgresConnectionString, infrastructure.RabbitMqUri, infrastructure.RabbitMqManagementUri);
        var deployer = (Account)(await new TestChain(infrastructure.ChainRpcUri).NewAccountAsync()).TransactionManager.Account;
        var configuration = Environment.HostEnvironment(infrastructure);
        configuration["Registry__DevChain__Enabled"] = "true";
        configuration["Registry__DevChain__DeployerKey"] = deployer.PrivateKey;
        configuration["Auth__Signing__PrivateKey"] = _signingKey.ExportPkcs8PrivateKeyPem();
        configuration["Auth__Siwe__AllowedDomains__0"] = SiweHostFixture.Domain;
        configuration["Auth__Siwe__NoncesPerAccountPerMinute"] = "100";
        configuration["Auth__Admins__0"] = Admin.GetPublicAddress();
        configuration["GraphQL__RateLimit__PerUserPermits"] = "100000";
        configuration["GraphQL__RateLimit__PerIpPermits"] = "100000";
        configuration["Orchestration__Intents__TrackGracePeriod"] = GracePeriod;
        configuration["Orchestration__Intents__WatchInterval"] = "00:00:00.200";
        Host = HostProcess.Start(configuration);
        try
        {
            (await Host.WaitUntilHealthyAsync()).Dispose();
            using var http = Http();
            var client = SiweHostFixture.Client(http);
            await Eventually.Until(
                () => client.PostAsync("{ chain(id: \"eip155:31337\") { enabled contracts { name } } }"),
                reply => reply.ErrorCode is null && reply.Data.GetProperty("chain").GetProperty("enabled").GetBoolean()
                    && reply.Data.GetProperty("chain").GetProperty("contracts").GetArrayLength() >= 3,
                "the dev chain registered with its factory",
                TimeSpan.FromSeconds(120));
        }
        catch
        {
            await Host.DisposeAsync();
            throw;
        }
    }

    public HttpClient Http() => new() { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Environment is not null)
        {
            await Environment.DisposeAsync();
        }

        _signingKey.Dispose();
    }
}
