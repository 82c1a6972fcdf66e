using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.Modules.Indexing.Decoding;
using NftMarketplace.Modules.Indexing.Following;

namespace NftMarketplace.UnitTests.Indexing;

/// <summary>The pure decisions of the follower: log range sizes, fork points, message chunks.</summary>
public sealed class FollowerPolicyTests
{
    [Fact]
    public void A_refused_range_is_split_in_two_and_the_size_drops_to_a_half()
    {
        var sizer = new RangeSizer(initial: 1000, max: 10_000, targetLogs: 10_000);

        var halves = sizer.Split(100, 1099);

        Assert.Equal([(100L, 599L), (600L, 1099L)], halves!);
        Assert.Equal(500, sizer.Size);
    }

    [Fact]
    public void Logs_are_read_from_the_json_lowercased_with_numbers_parsed_and_removed_ones_left_out()
    {
        using var answer = System.Text.Json.JsonDocument.Parse("""
            {"jsonrpc":"2.0","id":1,"result":[
              {"address":"0xAbC0000000000000000000000000000000000001","blockNumber":"0x1F","blockHash":"0xAA","transactionHash":"0xBB",
               "logIndex":"0x2","topics":["0xDDF2","0x00"],"data":"0x","removed":false},
              {"address":"0xabc0000000000000000000000000000000000001","blockNumber":"0x20","blockHash":"0xcc","transactionHash":"0xdd",
               "logIndex":"0x0","topics":[],"data":"0xFF","removed":true},
              {"address":"0xabc0000000000000000000000000000000000001","blockNumber":"0x21","blockHash":"0xee","transactionHash":"0xff",
               "logIndex":"0x10","topics":["0x01"],"data":""}
            ]}
            """);

        var logs = ChainData.ReadLogs(answer.RootElement.GetProperty("result"), out var count);

        Assert.Equal(3, count);
        Assert.Equal(2, logs.Count);
        var first = logs[0];
        Assert.Equal(("0xabc0000000000000000000000000000000000001", 31L, "0xaa", "0xbb", 2, "0x"), (first.Address, first.BlockNumber, first.BlockHash, first.TxHash, first.LogIndex, first.Data));
        Assert.Equal(["0xddf2", "0x00"], first.Topics);
        Assert.Equal((33L, 16, "0x"), (logs[1].BlockNumber, logs[1].LogIndex, logs[1].Data));
    }

    [Fact]
    public void A_null_logs_result_is_no_logs()
    {
        using var answer = System.Text.Json.JsonDocument.Parse("""{"jsonrpc":"2.0","id":1,"result":null}""");

        Assert.Empty(ChainData.ReadLogs(answer.RootElement.GetProperty("result"), out var count));
        Assert.Equal(0, count);
    }

    [Fact]
    public void A_single_block_cannot_be_split()
    {
        var sizer = new RangeSizer(initial: 1, max: 10, targetLogs: 10);

        Assert.Null(sizer.Split(7, 7));
    }

    [Fact]
    public void Cheap_ranges_grow_the_size_up_to_the_maximum_and_crowded_ones_halve_it()
    {
        var sizer = new RangeSizer(initial: 1000, max: 3000, targetLogs: 1000);

        sizer.Succeeded(span: 1000, logs: 10);
        Assert.Equal(2000, sizer.Size);
        sizer.Succeeded(span: 2000, logs: 10);
        Assert.Equal(3000, sizer.Size);
        sizer.Succeeded(span: 3000, logs: 5000);
        Assert.Equal(1500, sizer.Size);
        // A short tail window says nothing about the full size.
        sizer.Succeeded(span: 10, logs: 0);
        Assert.Equal(1500, sizer.Size);
    }

    [Fact]
    public void Windows_cover_the_range_exactly()
    {
        var sizer = new RangeSizer(initial: 4, max: 4, targetLogs: 10);

        Assert.Equal([(1L, 4L), (5L, 8L), (9L, 10L)], sizer.Windows(1, 10));
    }

    [Fact]
    public void A_range_is_cut_into_enough_windows_to_request_them_at_once()
    {
        var sizer = new RangeSizer(initial: 1000, max: 1000, targetLogs: 10);

        Assert.Equal([(1L, 25L), (26L, 50L), (51L, 75L), (76L, 100L)], sizer.Windows(1, 100, parallel: 4));
        Assert.Equal([(1L, 1L), (2L, 2L)], sizer.Windows(1, 2, parallel: 4));
    }

    [Fact]
    public void Only_a_range_every_endpoint_timed_out_on_counts_as_too_large()
    {
        var chain = NftMarketplace.BuildingBlocks.Ethereum.ChainId.Eip155(1);
        ChainRpcAttempt Attempt(ChainRpcFailureKind kind) => new("http://node.test", kind, null, TimeSpan.FromSeconds(2));

        Assert.True(ChainData.TimedOut(new ChainUnavailableException(chain, "eth_getLogs", [Attempt(ChainRpcFailureKind.Timeout), Attempt(ChainRpcFailureKind.Timeout)], "every endpoint failed", true)));
        Assert.False(ChainData.TimedOut(new ChainUnavailableException(chain, "eth_getLogs", [Attempt(ChainRpcFailureKind.Timeout), Attempt(ChainRpcFailureKind.Connection)], "every endpoint failed", true)));
        Assert.False(ChainData.TimedOut(new ChainUnavailableException(chain, "eth_getLogs", [], "every endpoint's circuit is open", false)));
    }

    [Fact]
    public void The_fork_is_the_newest_stored_block_the_chain_still_has()
    {
        (long, string)[] stored = [(10, "0xa10"), (9, "0xa9"), (8, "0xa8"), (7, "0xa7")];
        var chain = new Dictionary<long, string?> { [10] = "0xb10", [9] = "0xb9", [8] = "0xa8", [7] = "0xa7" };

        Assert.Equal(8, ForkFinder.FindFork(stored, chain));
    }

    [Fact]
    public void Blocks_the_chain_no_longer_has_are_not_the_fork()
    {
        (long, string)[] stored = [(10, "0xa10"), (9, "0xa9")];
        var chain = new Dictionary<long, string?> { [10] = null, [9] = "0xa9" };

        Assert.Equal(9, ForkFinder.FindFork(stored, chain));
    }

    [Fact]
    public void No_common_block_in_the_window_means_deeper_than_the_window()
    {
        (long, string)[] stored = [(10, "0xa10"), (9, "0xa9")];
        var chain = new Dictionary<long, string?> { [10] = "0xb10", [9] = "0xb9" };

        Assert.Null(ForkFinder.FindFork(stored, chain));
    }

    [Fact]
    public void Headers_link_when_each_names_the_previous_as_parent()
    {
        BlockHeader[] headers = [new(5, "0x5", "0x4", default), new(6, "0x6", "0x5", default), new(7, "0x7", "0x6", default)];

        Assert.True(ForkFinder.Links(headers, "0x4"));
        Assert.False(ForkFinder.Links(headers, "0xother"));
        Assert.False(ForkFinder.Links([headers[0], new(6, "0x6", "0xnot5", default)], null));
    }

    [Fact]
    public void Chunks_never_split_a_block_and_respect_the_maximum_otherwise()
    {
        long[] blocks = [1, 1, 2, 3, 3, 3, 4];

        var chunks = DecodedFacts.Chunk(blocks, b => b, max: 3);

        Assert.Equal([[1L, 1L, 2L], [3L, 3L, 3L], [4L]], chunks);
    }

    [Fact]
    public void One_block_with_more_facts_than_the_maximum_stays_one_chunk()
    {
        var chunks = DecodedFacts.Chunk(new long[] { 5, 5, 5, 5 }, b => b, max: 2);

        Assert.Equal([5L, 5L, 5L, 5L], Assert.Single(chunks));
    }
}
