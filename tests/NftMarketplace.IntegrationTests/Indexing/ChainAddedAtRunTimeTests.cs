using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Endpoints;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// A chain registered while the Host runs is followed within seconds of getting a working endpoint, although the chain
/// client has already read (and would keep, for <c>ChainRpc:EndpointRefreshInterval</c>) what it had before.
/// </summary>
public sealed class ChainAddedAtRunTimeTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    // Well inside the default refresh interval of 30 s, which is what the follower would wait without the invalidation.
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_chain_enabled_before_its_endpoint_is_added_is_followed_as_soon_as_it_has_one()
    {
        await SendAsync(new AddChain(Chain, "Private test chain", "ETH", 18, null, null, 1, true));
        // What the follower of the enabled chain meets first: no endpoint, which the client now holds on to.
        await Assert.ThrowsAsync<ChainUnavailableException>(() => Client.GetBlockNumberAsync(Ct));

        await SendAsync(new AddChainEndpoint(Chain, Anvil.Rpc.ToString().TrimEnd('/'), 0, 1, null, true));

        await WaitIndexedAsync(await Anvil.HeadAsync(), WithinSeconds);
    }

    [Fact]
    public async Task A_chain_whose_dead_endpoint_is_replaced_is_followed_as_soon_as_the_new_one_is_added()
    {
        const string Dead = "http://127.0.0.1:9";
        await SendAsync(new AddChain(Chain, "Private test chain", "ETH", 18, null, null, 1, false));
        await SendAsync(new AddChainEndpoint(Chain, Dead, 0, 1, null, true));
        await SendAsync(new EnableChain(Chain));
        await Assert.ThrowsAsync<ChainUnavailableException>(() => Client.GetBlockNumberAsync(Ct));
        Assert.Equal(["http://127.0.0.1:9"], Client.EndpointStatuses.Select(s => s.Endpoint.TrimEnd('/')));

        await SendAsync(new DisableChainEndpoint(Chain, Dead));
        await SendAsync(new AddChainEndpoint(Chain, Anvil.Rpc.ToString().TrimEnd('/'), 0, 1, null, true));

        await WaitIndexedAsync(await Anvil.HeadAsync(), WithinSeconds);
    }

    private ChainRpcClient Client => Server.Services.GetRequiredService<IChainRpcClientFactory>().GetClient(Chain);
}
