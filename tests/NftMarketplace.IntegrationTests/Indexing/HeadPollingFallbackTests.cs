using NftMarketplace.IntegrationTests.Chain;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// An endpoint without WebSocket (plain HTTP in front of the node): the follower still follows by polling the head, and
/// the subscription is tried again with back-off rather than in a loop.
/// </summary>
public sealed class HeadPollingFallbackTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Indexing:PollInterval"] = "00:00:00.200";

    [Fact]
    public async Task Without_websocket_the_follower_polls_and_tries_the_subscription_again_with_back_off()
    {
        await using var http = await RpcForwarder.StartAsync(Anvil.Rpc);
        await RegisterChainAsync(endpoint: http.Url);
        await Eventually.Until(() => Task.FromResult(http.WebSocketRequests), n => n >= 1, "the newHeads subscription to be tried");

        for (var i = 0; i < 3; i++)
        {
            await Anvil.RpcAsync<object>("evm_mine");
            await WaitIndexedAsync(await Anvil.HeadAsync(), TimeSpan.FromSeconds(10));
        }

        // The rate of attempts needs time to pass: with back-off (1 s, 2 s, 4 s …) a few in these seconds, not hundreds.
        var before = http.WebSocketRequests;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.InRange(http.WebSocketRequests - before, 0, 2);
    }
}
