using System.Security.Cryptography;
using Nethereum.Signer;
using Nethereum.Web3.Accounts;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>
/// One real Host process shared by a test class, on its own database and virtual host, with sign-in configured as
/// production would be: its own signing key, the allowed domain <see cref="Domain"/>, one admin address, and the dev
/// chain registered by the bootstrap (with a deployer of its own). A subclass adds its settings in
/// <see cref="Configure"/>. Tests share the Host but never an account.
/// </summary>
public abstract class SignInHostFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const string Domain = "app.nft.test";

    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public InfrastructureFixture Infrastructure => infrastructure;

    /// <summary>The chain the Host uses; the run's shared Anvil unless a subclass gives the Host another.</summary>
    public virtual Uri ChainRpcUri => infrastructure.ChainRpcUri;

    public IsolatedEnvironment Environment { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>The Host's settings: another process started with them is a second replica of the same deployment.</summary>
    public IReadOnlyDictionary<string, string?> HostConfiguration { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The address listed in <c>Auth:Admins</c>.</summary>
    public EthECKey Admin { get; } = EthECKey.GenerateKey();

    public async ValueTask InitializeAsync()
    {
        await StartingAsync();
        Environment = await IsolatedEnvironment.CreateAsync(
            infrastructure.PostgresConnectionString, infrastructure.RabbitMqUri, infrastructure.RabbitMqManagementUri);
        // A deployer of its own, so the bootstrap's transactions never race another test's nonces on the shared chain.
        var deployer = (Account)(await new TestChain(infrastructure.ChainRpcUri).NewAccountAsync()).TransactionManager.Account;
        var configuration = Environment.HostEnvironment(infrastructure);
        configuration["Registry__DevChain__Enabled"] = "true";
        configuration["Registry__DevChain__DeployerKey"] = deployer.PrivateKey;
        configuration["Auth__Signing__PrivateKey"] = _signingKey.ExportPkcs8PrivateKeyPem();
        configuration["Auth__Siwe__AllowedDomains__0"] = Domain;
        configuration["Auth__Siwe__NoncesPerAccountPerMinute"] = "100";
        configuration["Auth__Admins__0"] = Admin.GetPublicAddress();
        Configure(configuration);
        HostConfiguration = configuration;
        Host = await HostProcess.StartHealthyAsync(configuration);
        try
        {
            using var http = Http();
            var client = Client(http);
            // The bootstrap registers the dev chain in the background; sign-in needs it.
            await Eventually.Until(
                () => client.PostAsync("{ chain(id: \"eip155:31337\") { enabled } }"),
                reply => reply.ErrorCode is null && reply.Data.GetProperty("chain").GetProperty("enabled").GetBoolean(),
                "the dev chain registered and enabled",
                TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException ex)
        {
            await Host.DisposeAsync();
            // What the Host said is the only account of why its bootstrap did not finish.
            var output = Host.Output;
            throw new TimeoutException($"{ex.Message}\nThe Host's output ends:\n{output[Math.Max(0, output.Length - 4000)..]}", ex);
        }
        catch
        {
            await Host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the Host with SIGKILL (no shutdown of any kind) and starts it again with the same settings, on a new port.</summary>
    /// <param name="whileDown">What happens while no Host runs.</param>
    public async Task KillAndRestartHostAsync(Func<Task>? whileDown = null)
    {
        await Host.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        Host = await HostProcess.StartHealthyAsync(HostConfiguration);
    }

    /// <summary>What a subclass starts before the Host (e.g. a chain of its own), and ends after it in <see cref="StoppedAsync"/>.</summary>
    protected virtual Task StartingAsync() => Task.CompletedTask;

    protected virtual ValueTask StoppedAsync() => ValueTask.CompletedTask;

    /// <summary>The Host's settings beyond sign-in (environment variables, <c>Section__Key</c>).</summary>
    protected virtual void Configure(Dictionary<string, string?> configuration)
    {
    }

    internal static SiweClient Client(HttpClient http) => new(http, Domain, TestChain.ChainId);

    /// <summary>A client of the Host; generous time-out, as uploads and the first requests may be slow on a busy machine.</summary>
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

        await StoppedAsync();
        _signingKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
