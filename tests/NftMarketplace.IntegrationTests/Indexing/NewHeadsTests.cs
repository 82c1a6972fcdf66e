using System.Diagnostics;
using NftMarketplace.IntegrationTests.Infrastructure;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// A follower at the head learns of a new block from its <c>newHeads</c> subscription, not from its next poll: with a poll
/// interval of 30 s, a mined block is still published within a couple of seconds, again and again.
/// </summary>
public sealed class NewHeadsTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private static readonly TimeSpan WellBeforeThePoll = TimeSpan.FromSeconds(3);

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Indexing:PollInterval"] = "00:00:30";

    [Fact]
    public async Task Every_mined_block_is_published_long_before_the_poll_interval()
    {
        await RegisterChainAsync();
        await WaitIndexedAsync(await Anvil.HeadAsync());

        // Several blocks in turn: each must wake the idle follower, not only the first after it subscribed.
        for (var i = 0; i < 3; i++)
        {
            await Anvil.RpcAsync<object>("evm_mine");
            var mined = await Anvil.HeadAsync();
            var clock = Stopwatch.StartNew();
            await WaitIndexedAsync(mined, WellBeforeThePoll);
            Assert.True(clock.Elapsed < WellBeforeThePoll, $"block {mined} took {clock.Elapsed}");
        }
    }
}
