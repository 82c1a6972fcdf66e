using System.Security.Cryptography;
using Nethereum.Signer;
using Nethereum.Web3.Accounts;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>
/// One real Host process for the media tests: sign-in as in production (for the uploaders and one admin), manual
/// moderation, small limits so the refusals and the quota are cheap to reach. Tests share it but never a user.
/// </summary>
public sealed class MediaHostFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const int MaxFrames = 5;
    public const int MaxFileBytes = 2_000_000;
    public const int FilesPerWindow = 12;

    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public IsolatedEnvironment Environment { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public EthECKey Admin { get; } = EthECKey.GenerateKey();

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
        configuration["Media__Moderation__Mode"] = "manual";
        configuration["Media__Limits__MaxFrames"] = MaxFrames.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["Media__Quota__FilesPerWindow"] = FilesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["GraphQL__Uploads__MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["GraphQL__RateLimit__PerUserPermits"] = "100000";
        configuration["GraphQL__RateLimit__PerIpPermits"] = "100000";
        DatabaseConnectionString = configuration["ConnectionStrings__nftmarketplace"]!;
        Host = HostProcess.Start(configuration);
        try
        {
            (await Host.WaitUntilHealthyAsync()).Dispose();
            using var http = Http();
            var client = SiweHostFixture.Client(http);
            await Eventually.Until(
                () => client.PostAsync("{ chain(id: \"eip155:31337\") { enabled } }"),
                reply => reply.ErrorCode is null && reply.Data.GetProperty("chain").GetProperty("enabled").GetBoolean(),
                "the dev chain registered and enabled",
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
