using System.Globalization;
using System.Security.Cryptography;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// The real Host process follows a chain with live activity and is killed (SIGKILL, no shutdown) at random moments,
/// then started again: raw events, checkpoint and outbox commit together, so nothing is lost and no effect doubled.
/// </summary>
public sealed class HostCrashTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private const int Kills = 5;

    [Fact]
    public async Task A_host_killed_five_times_while_following_live_activity_stores_and_publishes_every_log_exactly_once()
    {
        // The in-process server only reads and registers: the Host process alone follows the chain.
        await StopServerAsync(Server);
        Server = await StartServerAsync(new Dictionary<string, string?> { ["Indexing:Enabled"] = "false" });
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var me = creator.TransactionManager.Account.Address;
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var stopActivity = new CancellationTokenSource();
        var minted = 0;
        var activity = Task.Run(async () =>
        {
            // A mint every few hundred milliseconds: live activity throughout, without a chain the Host needs minutes to catch up on.
            while (!stopActivity.IsCancellationRequested)
            {
                await creator.SendAsync(collection, new Mint721Function { To = me, Uri = $"ipfs://token/{minted}.json" });
                minted++;
                await Task.Delay(TimeSpan.FromMilliseconds(300), CancellationToken.None);
            }
        }, CancellationToken.None);

        for (var kill = 0; kill < Kills; kill++)
        {
            var host = await HostProcess.StartHealthyAsync(HostSettings(signingKey));
            var checkpoint = (await CheckpointAsync())?.LastBlock ?? -1;
            // Killed once it has published something new, after a random extra moment: mid-range, mid-commit or idle.
            await Eventually.Until(CheckpointAsync, c => c is not null && c.LastBlock > checkpoint, $"the Host to publish before kill {kill + 1}", TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, 1500)), Ct);
            await host.DisposeAsync();
        }

        await stopActivity.CancelAsync();
        await activity;
        var head = await Anvil.HeadAsync();
        await using (await HostProcess.StartHealthyAsync(HostSettings(signingKey)))
        {
            var final = await WaitIndexedAsync(head, TimeSpan.FromMinutes(4));

            Assert.True(minted >= Kills, $"only {minted} mints happened while the Host was killed and restarted");
            var raw = await RawEventsAsync();
            Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, final.LastBlock), Keys(raw));
            // Each decoded log's facts are in the outbox exactly once: one mint per token, nothing twice, nothing missing.
            var facts = await TransferFactKeysAsync();
            Assert.Equal(facts.Count, facts.Distinct().Count());
            Assert.Equal(
                raw.Where(e => e.Kind is FactKinds.Mint or FactKinds.Transfer).Select(e => (e.TxHash, e.LogIndex)).Order().ToList(),
                facts.Select(f => (f.TxHash, f.LogIndex)).Order().ToList());
            Assert.Equal(minted, (await PublishedAsync<TokensMinted>()).SelectMany(e => e.Mints).Count(m => m.Contract == collection));
            Assert.Single((await PublishedAsync<CollectionsCreated>()).SelectMany(e => e.Collections));
            var block = await Anvil.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(final.LastBlock));
            Assert.Equal(block.BlockHash.ToLowerInvariant(), final.LastBlockHash);
        }
    }

    private Dictionary<string, string?> HostSettings(ECDsa signingKey)
    {
        var settings = Environment.HostEnvironment(Infrastructure);
        settings["Auth__Signing__PrivateKey"] = signingKey.ExportPkcs8PrivateKeyPem();
        settings["Registry__GasPolicy__Interval"] = "00:00:00";
        settings["Indexing__PollInterval"] = "00:00:00.050";
        settings["Indexing__ChainRefreshInterval"] = "00:00:00.200";
        settings["Indexing__LeaseRetryInterval"] = "00:00:00.200";
        // Small commits, so a kill often lands between or inside them.
        settings["Indexing__MaxBlocksPerCommit"] = "3";
        settings["Outbox__PollInterval"] = "00:00:00.100";
        return settings;
    }
}
