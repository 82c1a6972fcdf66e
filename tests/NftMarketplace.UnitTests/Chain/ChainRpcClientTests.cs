using System.Net;
using Microsoft.Extensions.Time.Testing;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts.Reverts;
using static NftMarketplace.UnitTests.Chain.ChainRpcHarness;
using static NftMarketplace.UnitTests.Chain.ScriptedEndpoints;

namespace NftMarketplace.UnitTests.Chain;

public sealed class ChainRpcClientTests : IDisposable
{
    private static readonly CancellationToken Cancel = CancellationToken.None;

    // Tests about time run on this clock, moved by the test: a busy machine slows them down but cannot change what
    // they measure.
    private readonly FakeTimeProvider _clock = new();

    private readonly ScriptedEndpoints _transport = new();

    public void Dispose() => _transport.Dispose();

    [Fact]
    public async Task A_refused_connection_fails_over_to_the_next_endpoint()
    {
        var dead = _transport.Add("dead.test", (_, _) => Refuse());
        var live = _transport.Add("live.test", (request, _) => Result(request, "0x7a69"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("dead.test"), Endpoint("live.test", priority: 1)]);

        Assert.Equal(31337, await harness.Client.GetChainIdAsync(Cancel));

        Assert.Equal((1, 1), (dead.Requests, live.Requests));
    }

    [Theory]
    [InlineData(-32603, "Internal error", HttpStatusCode.OK)]
    [InlineData(-32005, "limit exceeded", HttpStatusCode.OK)]
    [InlineData(-32601, "Method not found", HttpStatusCode.OK)]
    [InlineData(-32000, "header not found", HttpStatusCode.OK)]
    [InlineData(-32603, "Internal error", HttpStatusCode.InternalServerError)]
    public async Task A_node_error_fails_over(int code, string message, HttpStatusCode status)
    {
        var troubled = _transport.Add("troubled.test", (request, _) => Error(request, code, message, status: status));
        var healthy = _transport.Add("healthy.test", (request, _) => Result(request, "0x10"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("troubled.test"), Endpoint("healthy.test", priority: 1)]);

        Assert.Equal(16, await harness.Client.GetBlockNumberAsync(Cancel));

        Assert.Equal((1, 1), (troubled.Requests, healthy.Requests));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.OK)]
    public async Task An_http_failure_fails_over(HttpStatusCode status)
    {
        var failing = _transport.Add("failing.test", (_, _) => Status(status, "<html>not json</html>"));
        var healthy = _transport.Add("healthy.test", (request, _) => Result(request, "0x10"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("failing.test"), Endpoint("healthy.test", priority: 1)]);

        Assert.Equal(16, await harness.Client.GetBlockNumberAsync(Cancel));

        Assert.Equal(1, failing.Requests);
    }

    [Fact]
    public async Task A_hanging_endpoint_is_left_after_the_attempt_time_out()
    {
        var hanging = _transport.Add("hanging.test", (_, token) => Hang(token));
        _transport.Add("healthy.test", (request, _) => Result(request, "0x10"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("hanging.test"), Endpoint("healthy.test", priority: 1)], time: _clock);
        var started = _clock.GetTimestamp();

        var call = harness.Client.GetBlockNumberAsync(Cancel);
        await Eventually(() => Task.FromResult(hanging.Requests == 1), "the first attempt");
        _clock.Advance(harness.Options.AttemptTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted, "answered before the attempt time-out");
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(16, await call.WaitAsync(RealTimeLimit, Cancel));
        Assert.Equal(1, hanging.Requests);
        Assert.True(_clock.GetElapsedTime(started) < harness.Options.Budget, $"answered after {_clock.GetElapsedTime(started)}");
    }

    [Fact]
    public async Task A_revert_is_returned_at_once_typed_and_not_tried_elsewhere()
    {
        var first = _transport.Add("first.test", (request, _) => Error(request, 3, "execution reverted: custom error 0xdeadbeef", "0xdeadbeef"));
        var second = _transport.Add("second.test", (request, _) => Result(request, "0x"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("first.test"), Endpoint("second.test", priority: 1)]);

        var error = await Assert.ThrowsAsync<ChainRpcErrorException>(
            () => harness.Client.CallAsync(new CallInput { To = "0x0000000000000000000000000000000000000001", Data = "0x" }, cancellationToken: Cancel));

        Assert.True(error.IsRevert);
        Assert.Equal(Hex.Parse("0xdeadbeef"), error.RevertData);
        Assert.Equal(["http://first.test"], error.EndpointsTried);
        Assert.Equal((1, 0), (first.Requests, second.Requests));
    }

    [Fact]
    public async Task Invalid_parameters_are_returned_at_once_and_not_tried_elsewhere()
    {
        var first = _transport.Add("first.test", (request, _) => Error(request, -32602, "invalid digit found in string"));
        var second = _transport.Add("second.test", (request, _) => Result(request, null));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("first.test"), Endpoint("second.test", priority: 1)]);

        var error = await Assert.ThrowsAsync<ChainRpcErrorException>(
            () => harness.Client.SendAsync<object>("eth_getBlockByNumber", ["0xzz", false], Cancel));

        Assert.Equal(-32602, error.Code);
        Assert.False(error.IsRevert);
        Assert.Equal(0, second.Requests);
    }

    [Fact]
    public async Task Through_nethereum_a_revert_is_its_RpcResponseException_which_the_revert_decoding_reads()
    {
        // Error(string) "sold out": selector, offset, length, padded text.
        var revertData = "0x08c379a0" + "20".PadLeft(64, '0') + "8".PadLeft(64, '0') + "736f6c64206f7574".PadRight(64, '0');
        _transport.Add("node.test", (request, _) => Error(request, 3, "execution reverted: sold out", revertData));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("node.test")]);
        var web3 = new Nethereum.Web3.Web3(harness.Client);

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => web3.Eth.Transactions.Call.SendRequestAsync(new CallInput { To = "0x0000000000000000000000000000000000000001", Data = "0x" }));

        Assert.True(ContractReverts.TryDecode(error, out var revert), $"not decodable: {error}");
        Assert.Equal("Error", revert.ErrorName);
        Assert.Equal("sold out", revert.Arguments[0].Value);
    }

    [Fact]
    public async Task An_endpoint_whose_circuit_opened_is_passed_over()
    {
        var failing = _transport.Add("failing.test", (_, _) => Status(HttpStatusCode.ServiceUnavailable));
        var healthy = _transport.Add("healthy.test", (request, _) => Result(request, "0x10"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("failing.test"), Endpoint("healthy.test", priority: 1)]);

        // Two failures of two attempts reach the breaker's minimum throughput and ratio.
        await harness.Client.GetBlockNumberAsync(Cancel);
        await harness.Client.GetBlockNumberAsync(Cancel);
        Assert.Equal(ChainEndpointCircuit.Open, harness.Client.EndpointStatuses.Single(s => s.Endpoint == "http://failing.test").Circuit);

        for (var call = 0; call < 5; call++)
        {
            await harness.Client.GetBlockNumberAsync(Cancel);
        }

        Assert.Equal(2, failing.Requests);
        Assert.Equal(7, healthy.Requests);
        Assert.Contains(harness.Measurements, m => m is { Instrument: "nftmarketplace.chain.rpc.skipped" } && m.Tags["reason"] == "circuit_open");
    }

    [Fact]
    public async Task When_every_circuit_is_open_the_call_fails_fast_as_unavailable()
    {
        _transport.Add("failing.test", (_, _) => Status(HttpStatusCode.ServiceUnavailable));
        var options = FastOptions();
        // The first call's two rounds open the circuit without waiting for the clock between them.
        options.RoundDelay = TimeSpan.Zero;
        using var harness = new ChainRpcHarness(_transport, [Endpoint("failing.test")], options, time: _clock);
        await Assert.ThrowsAsync<ChainUnavailableException>(() => harness.Client.GetBlockNumberAsync(Cancel).WaitAsync(RealTimeLimit, Cancel));

        // The clock stands still: a call that waited for anything (a time-out, the break) would never end.
        var error = await Assert.ThrowsAsync<ChainUnavailableException>(() => harness.Client.GetBlockNumberAsync(Cancel).WaitAsync(RealTimeLimit, Cancel));

        Assert.Empty(error.Attempts);
        Assert.Contains("circuit is open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saturated_endpoint_is_passed_over_rather_than_waited_on()
    {
        var limited = _transport.Add("limited.test", (request, _) => Result(request, "0x1"));
        var other = _transport.Add("other.test", (request, _) => Result(request, "0x2"));
        using var harness = new ChainRpcHarness(
            _transport, [Endpoint("limited.test", requestsPerSecond: 1), Endpoint("other.test", priority: 1)]);

        Assert.Equal(1, await harness.Client.GetBlockNumberAsync(Cancel));
        Assert.Equal(2, await harness.Client.GetBlockNumberAsync(Cancel));

        Assert.Equal((1, 1), (limited.Requests, other.Requests));
        Assert.Contains(harness.Measurements, m => m is { Instrument: "nftmarketplace.chain.rpc.skipped" } && m.Tags["reason"] == "rate_limited");
    }

    [Fact]
    public async Task When_every_endpoint_is_saturated_the_call_waits_for_a_permit()
    {
        var limited = _transport.Add("limited.test", (request, _) => Result(request, "0x1"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("limited.test", requestsPerSecond: 5)]);

        // Five permits burst; the sixth call waits for the next refill (every 200 ms) instead of failing.
        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => harness.Client.GetBlockNumberAsync(Cancel)));

        Assert.All(calls, block => Assert.Equal(1, block));
        Assert.Equal(6, limited.Requests);
    }

    [Fact]
    public async Task A_transaction_the_node_signs_is_not_resent_when_its_answer_was_lost()
    {
        var hanging = _transport.Add("hanging.test", (_, token) => Hang(token));
        var other = _transport.Add("other.test", (request, _) => Result(request, "0x" + new string('1', 64)));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("hanging.test"), Endpoint("other.test", priority: 1)]);

        var error = await Assert.ThrowsAsync<ChainUnavailableException>(
            () => harness.Client.SendAsync<string>("eth_sendTransaction", [new { from = "0x01" }], Cancel));

        Assert.True(error.MayHaveReachedNode);
        Assert.Equal(ChainRpcFailureKind.Timeout, Assert.Single(error.Attempts).Failure);
        Assert.Equal(0, other.Requests);
    }

    [Fact]
    public async Task A_transaction_the_node_signs_is_sent_elsewhere_when_no_connection_was_made()
    {
        _transport.Add("dead.test", (_, _) => Refuse());
        var other = _transport.Add("other.test", (request, _) => Result(request, "0x" + new string('1', 64)));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("dead.test"), Endpoint("other.test", priority: 1)]);

        Assert.NotNull(await harness.Client.SendAsync<string>("eth_sendTransaction", [new { from = "0x01" }], Cancel));

        Assert.Equal(1, other.Requests);
    }

    [Fact]
    public async Task A_signed_transaction_the_node_already_has_yields_its_hash()
    {
        var signed = Hex.Parse("0x02f86c827a6980843b9aca00850df8475800825208940000000000000000000000000000000000000001880de0b6b3a764000080c0");
        _transport.Add("node.test", (request, _) => Error(request, -32000, "already known"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("node.test")]);

        var hash = await harness.Client.SendRawTransactionAsync(signed, Cancel);

        Assert.Equal(TxHash.FromBytes(Sha3Keccack.Current.CalculateHash(signed.ToBytes())), hash);
    }

    [Fact]
    public async Task When_no_endpoint_serves_a_method_the_caller_gets_that_answer()
    {
        var first = _transport.Add("first.test", (request, _) => Error(request, -32601, "Method not found"));
        var second = _transport.Add("second.test", (request, _) => Error(request, -32601, "Method not found"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("first.test"), Endpoint("second.test", priority: 1)]);

        var error = await Assert.ThrowsAsync<ChainRpcErrorException>(() => harness.Client.SendAsync<object>("debug_traceCall", [], Cancel));

        Assert.Equal(-32601, error.Code);
        Assert.True(first.Requests >= 1 && second.Requests >= 1);
        // Not the endpoints' fault: their circuits stay closed.
        Assert.All(harness.Client.EndpointStatuses, s => Assert.Equal(ChainEndpointCircuit.Closed, s.Circuit));
    }

    [Fact]
    public async Task When_every_endpoint_hangs_the_call_ends_within_its_budget()
    {
        _transport.Add("a.test", (_, token) => Hang(token));
        _transport.Add("b.test", (_, token) => Hang(token));
        var options = FastOptions();
        options.Budget = TimeSpan.FromSeconds(1);
        options.MaxRounds = 10;
        options.RoundDelay = TimeSpan.Zero;
        options.BreakerMinimumThroughput = 100;
        using var harness = new ChainRpcHarness(_transport, [Endpoint("a.test"), Endpoint("b.test")], options, time: _clock);
        var started = _clock.GetTimestamp();

        var call = harness.Client.GetBlockNumberAsync(Cancel);
        await TimeOutEachAttemptAsync(harness, call, started, () => _transport.Requests);
        var error = await Assert.ThrowsAsync<ChainUnavailableException>(() => call);

        // Ten rounds would take six seconds: the budget ended it, at the attempt that ran into it.
        Assert.InRange(_clock.GetElapsedTime(started), options.Budget - ChainRpcClient.BudgetMargin, options.Budget);
        Assert.Equal(4, error.Attempts.Count);
        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
        Assert.All(error.Attempts, a => Assert.Equal(ChainRpcFailureKind.Timeout, a.Failure));
        Assert.Equal(["a.test", "b.test"], error.EndpointsTried.Select(e => new Uri(e).Host).Order());
    }

    [Fact]
    public async Task An_attempt_cut_short_by_the_budget_still_counts_against_its_endpoint()
    {
        _transport.Add("hanging.test", (_, token) => Hang(token));
        var options = FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(600);
        options.Budget = TimeSpan.FromSeconds(1);
        options.RoundDelay = TimeSpan.Zero;
        options.BreakerFailureRatio = 1;
        using var harness = new ChainRpcHarness(_transport, [Endpoint("hanging.test")], options, time: _clock);
        var started = _clock.GetTimestamp();

        var call = harness.Client.GetBlockNumberAsync(Cancel);
        await TimeOutEachAttemptAsync(harness, call, started, () => _transport.Requests);
        var error = await Assert.ThrowsAsync<ChainUnavailableException>(() => call);

        // The second round had less than an attempt's time left: it ended by a shorter time-out, not a cancellation.
        Assert.Equal(2, error.Attempts.Count);
        Assert.All(error.Attempts, a => Assert.Equal(ChainRpcFailureKind.Timeout, a.Failure));
        Assert.True(error.Attempts[1].Duration < options.AttemptTimeout, $"second attempt took {error.Attempts[1].Duration}");
        Assert.Equal(ChainEndpointCircuit.Open, Assert.Single(harness.Client.EndpointStatuses).Circuit);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_unavailability()
    {
        var hanging = _transport.Add("hanging.test", (_, token) => Hang(token));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("hanging.test")], time: _clock);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.GetBlockNumberAsync(cancellation.Token);
        await Eventually(() => Task.FromResult(hanging.Requests == 1), "the attempt");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(RealTimeLimit, Cancel));
    }

    [Fact]
    public async Task Secrets_in_urls_appear_in_no_error_or_measurement_and_user_info_becomes_basic_auth()
    {
        var dead = _transport.Add("dead.test", (_, _) => Refuse());
        var node = _transport.Add("node.test", (request, _) => Error(request, 3, "execution reverted", "0x"));
        using var harness = new ChainRpcHarness(_transport,
        [
            new ChainEndpoint(new Uri("http://dead.test/v3/SECRETKEY?apikey=SECRETKEY")),
            new ChainEndpoint(new Uri("http://user:SECRETKEY@node.test/SECRETKEY"), Priority: 1),
        ]);

        var error = await Assert.ThrowsAsync<ChainRpcErrorException>(
            () => harness.Client.CallAsync(new CallInput { To = "0x0000000000000000000000000000000000000001" }, cancellationToken: Cancel));

        var everything = string.Join(" | ", [error.ToString(), .. error.Attempts.Select(a => a.ToString()),
            .. harness.Measurements.SelectMany(m => m.Tags.Values), .. harness.Client.EndpointStatuses.Select(s => s.ToString())]);
        Assert.DoesNotContain("SECRETKEY", everything, StringComparison.Ordinal);
        Assert.Equal(["http://dead.test/***?***", "http://node.test/***"], error.EndpointsTried);
        Assert.Equal(("Basic", Convert.ToBase64String("user:SECRETKEY"u8)), (node.LastAuthorization?.Scheme, node.LastAuthorization?.Parameter));
        Assert.Equal(1, dead.Requests);
    }

    [Fact]
    public async Task Every_attempt_is_measured_per_endpoint_and_the_circuits_are_observed()
    {
        _transport.Add("dead.test", (_, _) => Refuse());
        _transport.Add("live.test", (request, _) => Result(request, "0x1"));
        using var harness = new ChainRpcHarness(_transport, [Endpoint("dead.test", path: "KEY"), Endpoint("live.test", priority: 1)]);

        await harness.Client.GetBlockNumberAsync(Cancel);
        harness.ObserveGauges();

        var requests = harness.Measurements.Where(m => m.Instrument == "nftmarketplace.chain.rpc.requests").ToList();
        Assert.Contains(requests, m => m.Tags["endpoint"] == "http://dead.test/***" && m.Tags["outcome"] == "failure" && m.Tags["method"] == "eth_blockNumber");
        Assert.Contains(requests, m => m.Tags["endpoint"] == "http://live.test" && m.Tags["outcome"] == "success" && m.Tags["chain"] == "eip155:31337");
        Assert.Contains(harness.Measurements, m => m.Instrument == "nftmarketplace.chain.rpc.failures" && m.Tags["kind"] == "connection");
        Assert.Contains(harness.Measurements, m => m.Instrument == "nftmarketplace.chain.rpc.duration" && m.Tags["endpoint"] == "http://live.test");
        Assert.Contains(harness.Measurements, m => m.Instrument == "nftmarketplace.chain.rpc.circuit_state" && m.Tags["endpoint"] == "http://live.test" && m.Value == 0);
    }

    [Fact]
    public async Task Endpoint_changes_reach_the_client_at_its_next_refresh()
    {
        var old = _transport.Add("old.test", (request, _) => Result(request, "0x1"));
        var replacement = _transport.Add("new.test", (request, _) => Result(request, "0x2"));
        var options = FastOptions();
        options.EndpointRefreshInterval = TimeSpan.FromSeconds(1);
        using var harness = new ChainRpcHarness(_transport, [Endpoint("old.test")], options, time: _clock);
        Assert.Equal(1, await harness.Client.GetBlockNumberAsync(Cancel));

        harness.Source.Endpoints = [Endpoint("old.test", active: false), Endpoint("new.test")];
        Assert.Equal(1, await harness.Client.GetBlockNumberAsync(Cancel));
        _clock.Advance(options.EndpointRefreshInterval);

        Assert.Equal(2, await harness.Client.GetBlockNumberAsync(Cancel));
        Assert.Equal(["http://new.test"], harness.Client.EndpointStatuses.Select(s => s.Endpoint));
        Assert.Equal(2, old.Requests);
    }

    [Fact]
    public async Task Invalidated_endpoints_are_read_again_at_the_next_call_not_after_the_refresh_interval()
    {
        var old = _transport.Add("old.test", (request, _) => Result(request, "0x1"));
        _transport.Add("new.test", (request, _) => Result(request, "0x2"));
        var options = FastOptions();
        options.EndpointRefreshInterval = TimeSpan.FromMinutes(10);
        using var harness = new ChainRpcHarness(_transport, [Endpoint("old.test")], options, time: _clock);
        Assert.Equal(1, await harness.Client.GetBlockNumberAsync(Cancel));

        harness.Source.Endpoints = [Endpoint("old.test", active: false), Endpoint("new.test")];
        harness.Client.InvalidateEndpoints();

        Assert.Equal(2, await harness.Client.GetBlockNumberAsync(Cancel));
        Assert.Equal(["http://new.test"], harness.Client.EndpointStatuses.Select(s => s.Endpoint));
        Assert.Equal(1, old.Requests);
    }

    [Fact]
    public async Task A_chain_without_endpoints_is_asked_again_after_a_second_not_the_refresh_interval()
    {
        _transport.Add("new.test", (request, _) => Result(request, "0x2"));
        var options = FastOptions();
        options.EndpointRefreshInterval = TimeSpan.FromMinutes(10);
        using var harness = new ChainRpcHarness(_transport, [], options, time: _clock);
        await Assert.ThrowsAsync<ChainUnavailableException>(() => harness.Client.GetBlockNumberAsync(Cancel));

        harness.Source.Endpoints = [Endpoint("new.test")];
        await Assert.ThrowsAsync<ChainUnavailableException>(() => harness.Client.GetBlockNumberAsync(Cancel));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await harness.Client.GetBlockNumberAsync(Cancel));
    }

    [Fact]
    public async Task A_batch_goes_to_one_endpoint_and_fails_over_as_a_whole()
    {
        _transport.Add("dead.test", (_, _) => Refuse());
        var live = _transport.Add("live.test", async (request, token) =>
        {
            var response = new Newtonsoft.Json.Linq.JArray(
                new Newtonsoft.Json.Linq.JObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["result"] = "0x7a69" },
                new Newtonsoft.Json.Linq.JObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["result"] = "0x10" });
            await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToString()) };
        });
        using var harness = new ChainRpcHarness(_transport, [Endpoint("dead.test"), Endpoint("live.test", priority: 1)]);
        var chainId = new Nethereum.RPC.Eth.EthChainId(harness.Client).CreateBatchItem(1);
        var blockNumber = new Nethereum.RPC.Eth.Blocks.EthBlockNumber(harness.Client).CreateBatchItem(2);
        var batch = new RpcRequestResponseBatch();
        batch.BatchItems.Add(chainId);
        batch.BatchItems.Add(blockNumber);

        await harness.Client.SendBatchRequestAsync(batch);

        Assert.Equal((31337, 16), ((int)chainId.Response.Value, (int)blockNumber.Response.Value));
        Assert.Equal(1, live.Requests);
    }

    /// <summary>Long enough for any busy machine; a call waiting on the fake clock would wait for ever instead.</summary>
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Drives a call over endpoints that never answer: each time an attempt has reached its endpoint, the fake clock
    /// moves to that attempt's own time-out (the attempt time-out, or the end of the budget less the client's margin)
    /// and no further, until the call ends. Real time passes only while the client gets to its next attempt.
    /// </summary>
    private async Task TimeOutEachAttemptAsync(ChainRpcHarness harness, Task call, long started, Func<int> requests)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Eventually(() => Task.FromResult(requests() == attempt || call.IsCompleted), $"attempt {attempt} or the end of the call");
            if (call.IsCompleted)
            {
                return;
            }

            var left = harness.Options.Budget - _clock.GetElapsedTime(started) - ChainRpcClient.BudgetMargin;
            _clock.Advance(left < harness.Options.AttemptTimeout ? left : harness.Options.AttemptTimeout);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(RealTimeLimit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }
}
