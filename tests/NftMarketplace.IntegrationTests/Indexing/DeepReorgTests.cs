using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>A reorg deeper than the hash window stops the chain's follower loudly and for good, never silently diverges.</summary>
public sealed class DeepReorgTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private const int Window = 64;

    [Fact]
    public async Task A_reorg_deeper_than_the_hash_window_stops_the_follower_and_degrades_health_across_restarts()
    {
        await StopServerAsync(Server);
        Server = await StartServerAsync(new Dictionary<string, string?> { ["Indexing:HashWindow"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721);
        await Anvil.RpcAsync<object>("anvil_mine", Window + 10);
        var head = await Anvil.HeadAsync();
        var indexed = await WaitIndexedAsync(head);

        await Anvil.RpcAsync<object>("anvil_reorg", Window + 5, Array.Empty<object>());

        var report = await Eventually.Until(HealthAsync, r => r.Entries["indexing"].Status == HealthStatus.Degraded, "the indexer to report Degraded");
        Assert.Contains(Chain.Value, report.Entries["indexing"].Description, StringComparison.Ordinal);
        Assert.Empty(await PublishedAsync<EventsRetracted>());
        Assert.Equal(indexed.LastBlockHash, (await CheckpointAsync())!.LastBlockHash);

        // Another replica (or a restart) does not resume it on its own.
        await StopServerAsync(Server);
        Server = await StartServerAsync();
        await Eventually.Until(HealthAsync, r => r.Entries["indexing"].Status == HealthStatus.Degraded, "the restarted indexer to report Degraded");
        var status = (await GraphQLAsync("query($c: ChainId!) { indexerStatus(chainId: $c) { haltedReason indexedBlock } }", new { c = Chain.Value })).Ok("indexerStatus");
        Assert.Contains("deeper than the hash window", status.GetProperty("haltedReason").GetString(), StringComparison.Ordinal);
    }

    private Task<HealthReport> HealthAsync() =>
        Server.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(e => e.Name == "indexing", Ct);
}
