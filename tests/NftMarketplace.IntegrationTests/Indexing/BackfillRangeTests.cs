using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Tracking;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// A history longer than one backfill range: read and stored in several ranges, each read while the one before it is
/// stored, and still every log stored and published exactly once, in chain order.
/// </summary>
public sealed class BackfillRangeTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private const int Mints = 12;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        // Ranges of a few blocks, so a dozen mints take several.
        settings["Indexing:InitialLogRange"] = "2";
        settings["Indexing:MaxLogsPerCommit"] = "3";
    }

    [Fact]
    public async Task A_long_history_is_backfilled_range_by_range_with_every_log_stored_and_published_once()
    {
        var creator = await TestChain.NewAccountAsync();
        await RegisterChainAsync();
        await WaitIndexedAsync(await Anvil.HeadAsync());
        // A factory the registry does not list: its collection's history is made before anyone follows it.
        var (factory, _) = await DeployFactoryAsync(creator);
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var deployedAt = await Anvil.HeadAsync();
        var me = creator.TransactionManager.Account.Address;
        for (var i = 1; i <= Mints; i++)
        {
            await creator.SendAsync(collection, new Mint721Function { To = me, Uri = $"ipfs://token/{i}.json" });
        }

        var head = await Anvil.HeadAsync();
        await WaitIndexedAsync(head);

        await SendAsync(new TrackCollection(Chain, Address.Parse(collection), null));
        await WaitIndexedAsync(head);

        var stored = (await RawEventsAsync()).Where(e => e.Address == collection);
        Assert.Equal(await ChainLogsAsync([collection], deployedAt, head), Keys(stored));
        var minted = await PublishedAsync<TokensMinted>();
        Assert.True(minted.Count >= 3, $"the history was stored in {minted.Count} ranges with mints, expected several");
        Assert.Equal(
            Enumerable.Range(1, Mints).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            minted.SelectMany(e => e.Mints).Select(m => m.TokenId));
        Assert.Equal(BackfillStatuses.Live, await QueryAsync(db => db.FollowedContracts.AsNoTracking().Where(f => f.Address == collection).Select(f => f.BackfillStatus).SingleAsync(Ct)));
    }
}
