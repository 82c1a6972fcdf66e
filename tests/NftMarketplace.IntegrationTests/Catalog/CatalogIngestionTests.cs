using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Ingestion;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// The catalog's consumers on a real database, fed through the real inbox with the indexer's messages as it would
/// batch them: redelivered, reordered, concurrent and retracted, the catalog must end where the chain's facts say.
/// Each case uses its own chain id, so one database holds them apart.
/// </summary>
public sealed class CatalogIngestionTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private GatewayServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await GatewayServer.StartAsync(Infrastructure, Environment, builder => builder.AddUsersModule().AddWalletsModule().AddCatalogModule());
    }

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Batches_delivered_twice_and_in_any_order_end_in_the_state_the_facts_say()
    {
        var inOrder = new FactScenario("eip155:101", seed: 7, blocks: 15);
        var reversed = new FactScenario("eip155:102", seed: 7, blocks: 15);
        var shuffled = new FactScenario("eip155:103", seed: 7, blocks: 15);

        await DeliverAllAsync([inOrder.Announcement(), .. inOrder.Settings(), .. inOrder.Messages(blocksPerRange: 3)]);
        List<object> backwards = [.. Enumerable.Reverse(reversed.Messages(blocksPerRange: 3)), .. Enumerable.Reverse(reversed.Settings()), reversed.Announcement()];
        await DeliverAllAsync([.. backwards.SelectMany(m => new[] { m, Fresh(m) })]);
        List<object> all = [shuffled.Announcement(), .. shuffled.Settings(), .. shuffled.Messages(blocksPerRange: 2)];
        var random = new Random(11);
        await DeliverAllAsync([.. all.Concat(all.Select(Fresh)).OrderBy(_ => random.Next())]);
        // The very same message again: the inbox takes it as handled.
        Assert.Equal(DeliveryOutcome.Duplicate, await DeliverAsync(all[^1]));

        await AssertMatchesAsync(inOrder);
        Assert.Equal(await StateAsync(inOrder.Chain), await StateAsync(reversed.Chain));
        Assert.Equal(await StateAsync(inOrder.Chain), await StateAsync(shuffled.Chain));
    }

    [Fact]
    public async Task Settings_give_the_latest_owner_royalty_and_roles_in_any_order()
    {
        var scenario = new FactScenario("eip155:104", seed: 3, blocks: 2);
        var settings = scenario.Settings();
        await DeliverAllAsync([settings[1], scenario.Announcement(), settings[0]]);

        var collection = await QueryAsync(db => db.Collections.AsNoTracking().SingleAsync(c => c.ChainId == scenario.Chain && c.Address == scenario.Erc721, Ct));
        Assert.Equal(scenario.Holders[2], collection.Owner);
        Assert.Equal((scenario.Holders[3], 500), (collection.RoyaltyReceiver, collection.RoyaltyBps));
        var roles = await QueryAsync(db => db.CollectionRoles.AsNoTracking().Where(r => r.ChainId == scenario.Chain)
            .OrderBy(r => r.Role).ThenBy(r => r.Account).Select(r => new { r.Role, r.Account }).ToListAsync(Ct));
        Assert.Equal(
            [(SettingChange.Roles.DefaultAdmin, scenario.Holders[2]), (SettingChange.Roles.Minter, scenario.Holders[1])],
            roles.Select(r => (r.Role, r.Account)));
        // The announcement came between the two messages: one upsert for it, one for the owner and royalty changed after.
        var upserts = await PublishedAsync<CollectionUpserted>(e => e.ChainId == scenario.Chain && e.Contract == scenario.Erc721);
        Assert.Equal(scenario.Holders[2], upserts[^1].Owner);
    }

    [Fact]
    public async Task Concurrent_deliveries_touching_the_same_collections_leave_no_stale_row()
    {
        var scenario = new FactScenario("eip155:105", seed: 5, blocks: 40);
        List<object> messages = [scenario.Announcement(), .. scenario.Messages(blocksPerRange: 1)];
        Assert.True(messages.Count > 20, $"only {messages.Count} messages");

        // Several consumers at once (replicas, prefetch): each delivery in its own scope and transaction.
        await Task.WhenAll(messages.Select(m => Task.Run(() => DeliverAsync(m), Ct)));

        await AssertMatchesAsync(scenario);
    }

    [Fact]
    public async Task A_retraction_removes_exactly_its_facts_and_a_late_fact_of_its_blocks_changes_nothing()
    {
        const int Kept = 9;
        var scenario = new FactScenario("eip155:106", seed: 21, blocks: 12);
        var survivor = new FactScenario("eip155:106", seed: 21, blocks: Kept);
        var messages = scenario.Messages(blocksPerRange: 1);
        var late = messages[^1];
        await DeliverAllAsync([scenario.Announcement(), .. messages.Take(messages.Count - 1)]);
        var applied = await QueryAsync(db => db.Activities.AsNoTracking().Where(a => a.ChainId == scenario.Chain && a.BlockNumber > Kept)
            .Select(a => new { a.TxHash, a.LogIndex, a.BatchIndex }).ToListAsync(Ct));
        Assert.NotEmpty(applied);

        var retracted = scenario.Facts.Where(f => f.Position.BlockNumber > Kept)
            .Select(f => new RetractedFact(f.Kind == TransferKinds.Mint ? FactKinds.Mint : FactKinds.Transfer, f.Contract, f.Position))
            .DistinctBy(f => (f.Position.TxHash, f.Position.LogIndex)).ToList();
        await DeliverAsync(new EventsRetracted(
            scenario.Chain, Kept, scenario.BlockHash(Kept), 12, [.. Enumerable.Range(Kept + 1, 12 - Kept).Select(b => scenario.BlockHash(b))], retracted));
        await DeliverAsync(late);

        await AssertMatchesAsync(survivor);
        var gone = (await PublishedAsync<ActivitiesRecorded>(e => e.ChainId == scenario.Chain && e.Retracted)).SelectMany(e => e.Activities).ToList();
        Assert.Equal(
            applied.Select(a => $"{scenario.Chain}/{a.TxHash}/{a.LogIndex}/{a.BatchIndex}").Order(),
            gone.Select(a => a.Id).Order());
        var recorded = (await PublishedAsync<ActivitiesRecorded>(e => e.ChainId == scenario.Chain && !e.Retracted)).SelectMany(e => e.Activities)
            .ToDictionary(a => a.Id);
        Assert.All(gone, a => Assert.Equal(recorded[a.Id], a));
    }

    [Fact]
    public async Task A_log_mined_again_in_the_new_branch_before_the_retraction_is_applied_stays()
    {
        var scenario = new FactScenario("eip155:107", seed: 2, blocks: 4);
        var mint = scenario.Facts.Last(f => f.Kind == TransferKinds.Mint);
        var block = mint.Position.BlockNumber;
        await DeliverAllAsync([scenario.Announcement(), .. scenario.Messages(blocksPerRange: 10)]);

        // The same transaction in the next block of the other branch, published (and consumed) before the retraction.
        var newBlock = FactScenario.Position(scenario.Chain, "b", block + 1, mint.Position.LogIndex) with { TxHash = mint.Position.TxHash };
        var again = mint with { Position = newBlock };
        await DeliverAsync(new TokensMinted(scenario.Chain, block + 1, block + 1, [again]));
        var late = scenario.Facts.Where(f => f.Position.BlockNumber >= block).ToList();
        await DeliverAsync(new EventsRetracted(
            scenario.Chain, block - 1, scenario.BlockHash(block - 1), scenario.Facts.Max(f => f.Position.BlockNumber),
            [.. Enumerable.Range((int)block, (int)(scenario.Facts.Max(f => f.Position.BlockNumber) - block + 1)).Select(b => scenario.BlockHash(b))],
            [.. late.Select(f => new RetractedFact(f.Kind == TransferKinds.Mint ? FactKinds.Mint : FactKinds.Transfer, f.Contract, f.Position))
                .DistinctBy(f => (f.Position.TxHash, f.Position.LogIndex))]));

        var fact = await QueryAsync(db => db.OwnershipTransfers.AsNoTracking().SingleAsync(
            t => t.ChainId == scenario.Chain && t.TxHash == mint.Position.TxHash && t.LogIndex == mint.Position.LogIndex && t.BatchIndex == mint.BatchIndex, Ct));
        Assert.Equal((block + 1, newBlock.BlockHash), (fact.BlockNumber, fact.BlockHash));
        var token = await QueryAsync(db => db.Tokens.AsNoTracking().SingleAsync(
            t => t.ChainId == scenario.Chain && t.Contract == mint.Contract && t.TokenId == BigInteger.Parse(mint.TokenId, CultureInfo.InvariantCulture), Ct));
        Assert.True(token.Supply > 0);
    }

    [Fact]
    public async Task A_collection_gives_one_upsert_with_its_transaction_and_a_mint_transaction_one_message_with_its_ids()
    {
        var scenario = new FactScenario("eip155:108", seed: 13, blocks: 6);
        var announcement = scenario.Announcement();
        await DeliverAsync(announcement);
        await DeliverAllAsync([.. scenario.Messages(blocksPerRange: 2)]);
        await DeliverAllAsync([Fresh(announcement), .. scenario.Messages(blocksPerRange: 3).Select(Fresh)]);

        var upserts = await PublishedAsync<CollectionUpserted>(e => e.ChainId == scenario.Chain);
        Assert.Equal(
            announcement.Collections.Select(c => (c.Address, c.Position.TxHash, false)).Order(),
            upserts.Select(u => (u.Contract, u.TxHash!, u.Retracted)).Order());
        var mints = await PublishedAsync<MintsUpserted>(e => e.ChainId == scenario.Chain);
        var expected = scenario.Facts.Where(f => f.Kind == TransferKinds.Mint)
            .GroupBy(f => (f.Contract, f.Position.TxHash))
            .Select(g => (g.Key.Contract, g.Key.TxHash, string.Join(",", g.Select(f => BigInteger.Parse(f.TokenId, CultureInfo.InvariantCulture)).Distinct().Order())))
            .Order().ToList();
        Assert.Equal(expected, mints.Select(m => (m.Contract, m.TxHash, string.Join(",", m.TokenIds))).Order());
    }

    private static object Fresh(object message) => message switch
    {
        TokensMinted m => m with { EventId = Guid.CreateVersion7() },
        TokensTransferred t => t with { EventId = Guid.CreateVersion7() },
        CollectionsCreated c => c with { EventId = Guid.CreateVersion7() },
        CollectionSettingsChanged s => s with { EventId = Guid.CreateVersion7() },
        _ => throw new ArgumentException(message.GetType().Name),
    };

    private async Task DeliverAllAsync(IEnumerable<object> messages)
    {
        foreach (var message in messages)
        {
            await DeliverAsync(message);
        }
    }

    private Task<DeliveryOutcome> DeliverAsync(object message) => message switch
    {
        TokensMinted m => DeliverAsync(m, TokensOnTokensMinted.Queue),
        TokensTransferred t => DeliverAsync(t, TokensOnTokensTransferred.Queue),
        CollectionsCreated c => DeliverAsync(c, CollectionsOnCollectionsCreated.Queue),
        CollectionSettingsChanged s => DeliverAsync(s, SettingsOnCollectionSettingsChanged.Queue),
        EventsRetracted r => DeliverAsync(r, RetractionsOnEventsRetracted.Queue),
        _ => throw new ArgumentException(message.GetType().Name),
    };

    private async Task<DeliveryOutcome> DeliverAsync<TEvent>(TEvent @event, string queue)
        where TEvent : IIntegrationEvent
    {
        var consumer = _server.Services.GetServices<IConsumerRegistration>().Single(c => c.Queue == queue);
        await using var scope = _server.Services.CreateAsyncScope();
        return await consumer.DeliverAsync(scope.ServiceProvider, Encoding.UTF8.GetBytes(EventEnvelope.Serialize(@event)), Ct);
    }

    private async Task<T> QueryAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    private async Task<List<TEvent>> PublishedAsync<TEvent>(Func<TEvent, bool> where)
        where TEvent : IIntegrationEvent
    {
        var schema = TEvent.Schema;
        var payloads = await QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Schema == schema)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync(Ct));
        return [.. payloads.Select(p => EventEnvelope.Deserialize<TEvent>(Encoding.UTF8.GetBytes(p))).Where(where)];
    }

    /// <summary>Everything chain-derived of one chain, without the chain and the clock, one line per row.</summary>
    private Task<string> StateAsync(string chain) => QueryAsync(async db =>
    {
        var lines = new List<string>();
        lines.AddRange((await db.Collections.AsNoTracking().Where(c => c.ChainId == chain).ToListAsync(Ct))
            .Select(c => $"collection {c.Address} {c.Standard} {c.Owner} {c.RoyaltyReceiver} {c.RoyaltyBps} {c.TotalMinted} {c.DeployedBlock}").Order());
        lines.AddRange((await db.Tokens.AsNoTracking().Where(t => t.ChainId == chain).ToListAsync(Ct))
            .Select(t => $"token {t.Contract} {t.TokenId} {t.Owner} {t.OwnerBlock} {t.OwnerLogIndex} {t.Supply} {t.Burned} {t.MintedBlock} {t.MintedAt:O} {t.MintedTxHash}").Order());
        lines.AddRange((await db.TokenBalances.AsNoTracking().Where(b => b.ChainId == chain).ToListAsync(Ct))
            .Select(b => $"balance {b.Contract} {b.TokenId} {b.Owner} {b.Quantity}").Order());
        lines.AddRange((await db.CollectionStats.AsNoTracking().Where(s => s.ChainId == chain).ToListAsync(Ct))
            .Select(s => $"stats {s.Address} {s.ItemsCount} {s.OwnersCount}").Order());
        lines.AddRange((await db.CollectionRoles.AsNoTracking().Where(r => r.ChainId == chain).ToListAsync(Ct))
            .Select(r => $"role {r.Address} {r.Role} {r.Account} {r.GrantedBlock}").Order());
        lines.AddRange((await db.Activities.AsNoTracking().Where(a => a.ChainId == chain).ToListAsync(Ct))
            .Select(a => $"activity {a.TxHash} {a.LogIndex} {a.BatchIndex} {a.Type} {a.TokenId} {a.FromAddress} {a.ToAddress} {a.Quantity}").Order());
        return string.Join('\n', lines);
    });

    /// <summary>The catalog of <paramref name="scenario"/>'s chain shows what its facts, folded in chain order, say.</summary>
    private async Task AssertMatchesAsync(FactScenario scenario)
    {
        var chain = scenario.Chain;
        var tokens = await QueryAsync(db => db.Tokens.AsNoTracking().Where(t => t.ChainId == chain).ToListAsync(Ct));
        Assert.Equal(
            scenario.Supplies.Select(s => $"{s.Key.Contract} {s.Key.Id} {s.Value}").Order(),
            tokens.Select(t => $"{t.Contract} {t.TokenId} {t.Supply}").Order());
        Assert.Equal(
            scenario.Owners.Select(o => $"{o.Key} {o.Value}").Order(),
            tokens.Where(t => t.Contract == scenario.Erc721).Select(t => $"{t.TokenId} {t.Owner}").Order());

        var balances = await QueryAsync(db => db.TokenBalances.AsNoTracking().Where(b => b.ChainId == chain).ToListAsync(Ct));
        Assert.Equal(
            scenario.Balances.Select(b => $"{b.Key.Contract} {b.Key.Id} {b.Key.Holder} {b.Value}").Order(),
            balances.Select(b => $"{b.Contract} {b.TokenId} {b.Owner} {b.Quantity}").Order());

        var stats = await QueryAsync(db => db.CollectionStats.AsNoTracking().Where(s => s.ChainId == chain).ToListAsync(Ct));
        var collections = await QueryAsync(db => db.Collections.AsNoTracking().Where(c => c.ChainId == chain).ToListAsync(Ct));
        foreach (var contract in new[] { scenario.Erc721, scenario.Erc1155 })
        {
            var expectedItems = scenario.Supplies.Count(s => s.Key.Contract == contract && s.Value > 0);
            var expectedOwners = scenario.Balances.Where(b => b.Key.Contract == contract).Select(b => b.Key.Holder).Distinct().Count();
            var row = stats.SingleOrDefault(s => s.Address == contract);
            Assert.Equal((contract, expectedItems, expectedOwners), (contract, row?.ItemsCount ?? 0, row?.OwnersCount ?? 0));
            Assert.Equal((contract, new BigInteger(scenario.TotalMinted(contract))), (contract, collections.Single(c => c.Address == contract).TotalMinted));
        }
    }
}
