using System.Diagnostics;
using System.Numerics;
using Microsoft.Extensions.Time.Testing;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Chain;

/// <summary>Failover, circuit breaking and recovery against the run's real Anvil.</summary>
public sealed class ChainFailoverTests(InfrastructureFixture infrastructure)
{
    // Init code that reverts with the four bytes 0xdeadbeef: an eth_call without "to" runs it.
    private const string RevertingInitCode = "0x7fdeadbeef0000000000000000000000000000000000000000000000000000000060005260046000fd";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Uri Anvil => infrastructure.ChainRpcUri;

    [Fact]
    public async Task With_a_dead_port_first_calls_succeed_through_the_live_node_within_the_budget()
    {
        var dead = ChainClients.DeadPort();
        using var clients = new ChainClients(Options(), new ChainEndpoint(dead), new ChainEndpoint(Anvil, Priority: 1));
        var client = clients.Client;

        for (var call = 0; call < 4; call++)
        {
            var elapsed = Stopwatch.StartNew();
            Assert.Equal(TestChain.ChainId, await client.GetChainIdAsync(Cancel));
            Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
            Assert.NotNull(await client.GetBlockByNumberAsync(BlockParameter.CreateLatest(), Cancel));
            Assert.True(elapsed.Elapsed < clients.Options.Budget, $"call {call} took {elapsed.Elapsed}");
        }

        Assert.Equal(ChainEndpointCircuit.Open, clients.CircuitOf(dead));
        Assert.Equal(ChainEndpointCircuit.Closed, clients.CircuitOf(Anvil));
    }

    [Fact]
    public async Task With_a_hanging_endpoint_first_calls_fail_over_and_once_its_circuit_opens_do_not_wait_for_it()
    {
        await using var hanging = new HangingEndpoint();
        var options = Options();
        using var clients = new ChainClients(options, new ChainEndpoint(hanging.Url), new ChainEndpoint(Anvil, Priority: 1));
        var client = clients.Client;

        // Each of the first calls waits out one attempt on the hanging endpoint, then the live node answers.
        for (var call = 0; call < options.BreakerMinimumThroughput; call++)
        {
            var elapsed = Stopwatch.StartNew();
            Assert.Equal(TestChain.ChainId, await client.GetChainIdAsync(Cancel));
            // Less a tick: timers may fire just before a stopwatch started ahead of them reads their due time.
            Assert.InRange(elapsed.Elapsed, options.AttemptTimeout - TimeSpan.FromMilliseconds(50), options.Budget);
        }

        Assert.Equal(ChainEndpointCircuit.Open, clients.CircuitOf(hanging.Url));
        var connections = hanging.Connections;
        for (var call = 0; call < 5; call++)
        {
            var elapsed = Stopwatch.StartNew();
            Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
            Assert.True(elapsed.Elapsed < options.AttemptTimeout, $"call {call} took {elapsed.Elapsed}: it waited for the hanging endpoint");
        }

        Assert.Equal(connections, hanging.Connections);
    }

    [Fact]
    public async Task An_endpoint_that_recovers_is_used_again_after_the_break()
    {
        await using var flaky = await RpcForwarder.StartAsync(Anvil, failing: true);
        var options = Options();
        // The break is waited out on the client's clock, not in real time.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var clients = new ChainClients(options, clock, new ChainEndpoint(flaky.Url), new ChainEndpoint(Anvil, Priority: 1));
        var client = clients.Client;

        for (var call = 0; call < options.BreakerMinimumThroughput; call++)
        {
            Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
        }

        Assert.Equal(ChainEndpointCircuit.Open, clients.CircuitOf(flaky.Url));
        var refusedWhileOpen = flaky.Requests;
        flaky.Failing = false;
        Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
        Assert.Equal(refusedWhileOpen, flaky.Requests);

        clock.Advance(options.BreakDuration - TimeSpan.FromSeconds(1));
        Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
        Assert.Equal((refusedWhileOpen, ChainEndpointCircuit.Open), (flaky.Requests, clients.CircuitOf(flaky.Url)));

        // After the break one call probes the recovered endpoint; from then on it is preferred again.
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(
            async () => (await client.GetBlockNumberAsync(Cancel), flaky.Forwarded).Forwarded,
            forwarded => forwarded > 0,
            "the recovered endpoint to be used again");
        Assert.Equal(ChainEndpointCircuit.Closed, clients.CircuitOf(flaky.Url));
        var forwarded = flaky.Forwarded;
        for (var call = 0; call < 3; call++)
        {
            Assert.True(await client.GetBlockNumberAsync(Cancel) >= 0);
        }

        Assert.Equal(forwarded + 3, flaky.Forwarded);
    }

    [Fact]
    public async Task A_revert_or_invalid_parameters_are_not_tried_on_another_endpoint()
    {
        await using var first = await RpcForwarder.StartAsync(Anvil);
        await using var second = await RpcForwarder.StartAsync(Anvil);
        using var clients = new ChainClients(Options(), new ChainEndpoint(first.Url), new ChainEndpoint(second.Url, Priority: 1));
        var client = clients.Client;

        var revert = await Assert.ThrowsAsync<ChainRpcErrorException>(
            () => client.CallAsync(new CallInput { Data = RevertingInitCode }, cancellationToken: Cancel));
        var invalid = await Assert.ThrowsAsync<ChainRpcErrorException>(
            () => client.SendAsync<object>("eth_getBlockByNumber", ["0xzz", false], Cancel));

        Assert.True(revert.IsRevert);
        Assert.Equal(Hex.Parse("0xdeadbeef"), revert.RevertData);
        Assert.Equal(-32602, invalid.Code);
        Assert.Equal([EndpointUrls.Redact(first.Url)], revert.EndpointsTried);
        Assert.Equal((2, 0), (first.Requests, second.Requests));
        Assert.Equal(ChainEndpointCircuit.Closed, clients.CircuitOf(first.Url));
    }

    [Fact]
    public async Task Nethereum_over_the_client_deploys_the_factory_and_calls_its_prediction()
    {
        using var clients = new ChainClients(Options(), new ChainEndpoint(ChainClients.DeadPort()), new ChainEndpoint(Anvil, Priority: 1));
        var creator = await FundedAccountAsync(clients.Client);

        var factory = await TestChain.DeployFactoryAsync(creator);
        var salt = TestChain.NewSalt();
        var predicted = await creator.QueryAsync<PredictCollectionAddressFunction, string>(factory.Address, new PredictCollectionAddressFunction
        {
            Standard = (byte)TokenStandard.Erc721,
            Creator = creator.TransactionManager.Account.Address,
            Salt = salt,
        });

        var offline = CollectionAddress.Predict(factory.Address, factory.Implementation721, creator.TransactionManager.Account.Address, salt);
        Assert.True(offline.IsTheSameAddress(predicted), $"predicted {predicted}, computed offline {offline}");
    }

    [Fact]
    public async Task A_signed_transaction_sent_again_after_it_was_mined_yields_the_same_hash()
    {
        using var clients = new ChainClients(Options(), new ChainEndpoint(Anvil));
        var client = clients.Client;
        var sender = await FundedAccountAsync(client);
        // Nethereum gives the signed transaction without its 0x prefix.
        var signed = Hex.Parse("0x" + await sender.TransactionManager.SignTransactionAsync(new TransactionInput
        {
            From = sender.TransactionManager.Account.Address,
            To = "0x000000000000000000000000000000000000dEaD",
            Value = new HexBigInteger(1),
            Gas = new HexBigInteger(21_000),
            Nonce = await sender.Eth.Transactions.GetTransactionCount.SendRequestAsync(sender.TransactionManager.Account.Address),
        }));

        var hash = await client.SendRawTransactionAsync(signed, Cancel);
        var receipt = await Eventually.Until(() => client.GetTransactionReceiptAsync(hash, Cancel), r => r is not null, "the receipt");
        var again = await client.SendRawTransactionAsync(signed, Cancel);

        Assert.Equal(hash, again);
        Assert.True(receipt!.Succeeded());
    }

    [Fact]
    public async Task The_typed_calls_read_the_node()
    {
        using var clients = new ChainClients(Options(), new ChainEndpoint(Anvil));
        var client = clients.Client;
        var sender = await FundedAccountAsync(client);
        var receipt = await sender.Eth.GetEtherTransferService()
            .TransferEtherAndWaitForReceiptAsync("0x000000000000000000000000000000000000dEaD", 0.001m, cancellationToken: Cancel);

        var block = await client.GetBlockWithTransactionsByNumberAsync(new BlockParameter(receipt.BlockNumber), Cancel);
        var logs = await client.GetLogsAsync(new NewFilterInput { FromBlock = new BlockParameter(receipt.BlockNumber), ToBlock = new BlockParameter(receipt.BlockNumber) }, Cancel);
        var fees = await client.GetFeeHistoryAsync(1, BlockParameter.CreateLatest(), [50m], Cancel);
        var found = await client.GetTransactionReceiptAsync(TxHash.Parse(receipt.TransactionHash), Cancel);

        Assert.Contains(block!.Transactions, t => t.TransactionHash == receipt.TransactionHash);
        Assert.Empty(logs);
        Assert.Single(fees.BaseFeePerGas.Skip(1));
        Assert.Equal(receipt.BlockHash, found!.BlockHash);
        Assert.Null(await client.GetBlockByNumberAsync(new BlockParameter(new HexBigInteger(BigInteger.Pow(2, 40))), Cancel));
    }

    private static ChainRpcOptions Options() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(2),
        Budget = TimeSpan.FromSeconds(6),
        BreakerMinimumThroughput = 2,
        BreakDuration = TimeSpan.FromMinutes(5),
    };

    /// <summary>A fresh account holding 100 ETH, with a Web3 that signs as it and sends through <paramref name="client"/>.</summary>
    private static async Task<Web3> FundedAccountAsync(ChainRpcClient client)
    {
        var web3 = new Web3(new Account(EthECKey.GenerateKey(), TestChain.ChainId), client);
        await client.SendAsync<object>(
            "anvil_setBalance", [web3.TransactionManager.Account.Address, new HexBigInteger(BigInteger.Pow(10, 20)).HexValue], Cancel);
        return web3;
    }
}
