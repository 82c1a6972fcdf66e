using NftMarketplace.IntegrationTests.Indexing;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// A Host of the intent tests on an Anvil of its own (<see cref="PrivateAnvil"/>), so a test may stop automatic mining,
/// drop transactions from the pool and mine at will without touching the run's shared chain. The bootstrap deploys the
/// factory with Anvil's first dev account, funded on a fresh node. A PENDING transaction nobody knows is FAILED as
/// dropped after a minute, the shortest setting.
/// </summary>
public sealed class PrivateChainIntentsHostFixture(InfrastructureFixture infrastructure) : SignInHostFixture(infrastructure)
{
    /// <summary>Anvil's first dev account (mnemonic "test test … junk").</summary>
    private const string DevAccountKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public const string DroppedAfter = "00:01:00";

    public PrivateAnvil Chain { get; private set; } = null!;

    public override Uri ChainRpcUri => Chain.Rpc;

    protected override async Task StartingAsync() => Chain = await PrivateAnvil.StartAsync();

    protected override async ValueTask StoppedAsync()
    {
        if (Chain is not null)
        {
            await Chain.DisposeAsync();
        }
    }

    protected override void Configure(Dictionary<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration["ConnectionStrings__chain"] = Chain.Rpc.ToString();
        configuration["Registry__DevChain__DeployerKey"] = DevAccountKey;
        configuration["GraphQL__RateLimit__PerUserPermits"] = "100000";
        configuration["Orchestration__Intents__TrackGracePeriod"] = IntentsHostFixture.GracePeriod;
        configuration["Orchestration__Intents__WatchInterval"] = "00:00:00.200";
        configuration["Orchestration__Intents__DroppedAfter"] = DroppedAfter;
    }
}
