using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Following;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>The chain follower against a private Anvil: what it stores and publishes, reorgs, restarts and its lease.</summary>
public sealed class ChainFollowerTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    [Fact]
    public async Task Factory_collections_are_followed_from_their_creation_and_every_kind_is_published_once_with_its_position()
    {
        var creator = await TestChain.NewAccountAsync();
        var other = (await TestChain.NewAccountAsync()).TransactionManager.Account.Address.ToLowerInvariant();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);

        var c721 = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var c1155 = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc1155)).Address.ToLowerInvariant();
        var me = creator.TransactionManager.Account.Address;
        await creator.SendAsync(c721, new Mint721Function { To = me, Uri = "ipfs://token/1.json" });
        await creator.SendAsync(c721, new Mint721Function { To = me, Uri = "ipfs://token/2.json" });
        await creator.SendAsync(c721, new TransferFromFunction { From = me, To = other, TokenId = 1 });
        await creator.SendAsync(c721, new SetApprovalForAllFunction { Operator = other, Approved = true });
        await creator.SendAsync(c721, new SetTokenUriFunction { TokenId = 2, Uri = "ipfs://token/2b.json" });
        await creator.SendAsync(c721, new SetContractUriFunction { NewContractUri = "ipfs://collection/2.json" });
        await creator.SendAsync(c721, new SetDefaultRoyaltyFunction { Receiver = other, FeeBps = 250 });
        await creator.SendAsync(c721, new GrantRoleFunction { Role = CollectionRoles.Minter, Account = other });
        await creator.SendAsync(c1155, new Mint1155Function { To = me, Amount = 5, MaxSupply = 0, Uri = "ipfs://1155/1.json" });
        await creator.SendAsync(c1155, new MintBatch1155Function { To = me, Amounts = [1, 2], MaxSupplies = [0, 0], Uris = ["ipfs://1155/2.json", "ipfs://1155/3.json"] });
        await creator.SendAsync(c1155, new SafeBatchTransferFromFunction { From = me, To = other, Ids = [1, 2], Values = [1, 1] });
        var head = await Anvil.HeadAsync();

        var checkpoint = await WaitIndexedAsync(head);

        // Stored: exactly what eth_getLogs says the factory and its collections logged.
        var raw = await RawEventsAsync();
        Assert.Equal(await ChainLogsAsync([factory.Address, c721, c1155], start, checkpoint.LastBlock), Keys(raw));
        var byKey = raw.ToDictionary(e => (e.TxHash, e.LogIndex));

        var created = (await PublishedAsync<CollectionsCreated>()).SelectMany(e => e.Collections).ToList();
        Assert.Equal([(c721, TokenStandards.Erc721), (c1155, TokenStandards.Erc1155)], created.Select(c => (c.Address, c.Standard)));
        Assert.All(created, c => Assert.Equal(me.ToLowerInvariant(), c.Creator));
        Assert.All(created, c => Assert.Equal(factory.Address.ToLowerInvariant(), c.Factory));

        var mints = (await PublishedAsync<TokensMinted>()).SelectMany(e => e.Mints).ToList();
        Assert.Equal(
            [(c721, "1", "1"), (c721, "2", "1"), (c1155, "1", "5"), (c1155, "2", "1"), (c1155, "3", "2")],
            mints.Select(m => (m.Contract, m.TokenId, m.Amount)));
        var transfers = (await PublishedAsync<TokensTransferred>()).SelectMany(e => e.Transfers).ToList();
        Assert.Equal(
            [(c721, "1", "1", 0), (c1155, "1", "1", 0), (c1155, "2", "1", 1)],
            transfers.Select(t => (t.Contract, t.TokenId, t.Amount, t.BatchIndex)));

        var metadata = (await PublishedAsync<MetadataChanged>()).SelectMany(e => e.Changes).ToList();
        Assert.Contains(metadata, m => m.Contract == c721 && m.Kind == MetadataChangeKinds.Token && m.TokenId == "2");
        Assert.Contains(metadata, m => m.Contract == c721 && m.Kind == MetadataChangeKinds.Contract);
        Assert.Contains(metadata, m => m.Contract == c1155 && m.Kind == MetadataChangeKinds.Uri && m.TokenId == "3" && m.Uri == "ipfs://1155/3.json");

        var settings = (await PublishedAsync<CollectionSettingsChanged>()).SelectMany(e => e.Changes).ToList();
        Assert.Contains(settings, s => s.Contract == c721 && s.Kind == SettingChangeKinds.Royalty && s.RoyaltyBps == 250 && s.RoyaltyReceiver == other);
        Assert.Contains(settings, s => s.Contract == c721 && s.Kind == SettingChangeKinds.RoleGranted && s.Role == SettingChange.Roles.Minter);
        // The owner's role is granted in the very transaction that creates the collection: same range, same block.
        var ownerGrant = Assert.Single(settings, s => s.Contract == c1155 && s.Role == SettingChange.Roles.DefaultAdmin);
        Assert.Equal(created[1].Position.BlockNumber, ownerGrant.Position.BlockNumber);

        var approval = Assert.Single((await PublishedAsync<ApprovalsChanged>()).SelectMany(e => e.Changes));
        Assert.Equal((me.ToLowerInvariant(), other, true), (approval.Owner, approval.Operator, approval.Approved));

        // Every position is the log's own, and every decoded log is published exactly once.
        var positions = created.Select(c => c.Position).Concat(mints.Select(m => m.Position)).Concat(transfers.Select(t => t.Position))
            .Concat(metadata.Select(m => m.Position)).Concat(settings.Select(s => s.Position)).Append(approval.Position).ToList();
        Assert.All(positions, p => Assert.Equal((byKey[(p.TxHash, p.LogIndex)].BlockNumber, byKey[(p.TxHash, p.LogIndex)].BlockHash), (p.BlockNumber, p.BlockHash)));
        var keys = await TransferFactKeysAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(
            raw.Where(e => e.Kind is not null).Select(e => (e.TxHash, e.LogIndex)).Order().ToList(),
            positions.Select(p => (p.TxHash, p.LogIndex)).Distinct().Order().ToList());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_reorg_retracts_exactly_the_dropped_events_and_the_new_branch_is_published(int depth)
    {
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var me = creator.TransactionManager.Account.Address;
        for (var i = 0; i < 6; i++)
        {
            await creator.SendAsync(collection, new Mint721Function { To = me, Uri = $"ipfs://token/{i}.json" });
        }

        var head = await Anvil.HeadAsync();
        await WaitIndexedAsync(head);
        var dropped = Keys((await RawEventsAsync()).Where(e => e.BlockNumber > head - depth));
        Assert.Equal(depth, dropped.Select(d => d.Item3).Distinct().Count());

        // Replaces the last `depth` blocks with empty ones (the chain does not get longer), then grows the new branch.
        await Anvil.RpcAsync<object>("anvil_reorg", depth, Array.Empty<object>());
        // The dropped transactions are gone, and with them the nonces the account had used.
        await creator.TransactionManager.Account.NonceService.ResetNonceAsync();
        await creator.SendAsync(collection, new Mint721Function { To = me, Uri = "ipfs://token/new.json" });
        var newHead = await Anvil.HeadAsync();

        var retracted = Assert.Single(await Eventually.Until(PublishedAsync<EventsRetracted>, r => r.Count > 0, "the retraction"));
        var checkpoint = await WaitIndexedAsync(newHead);

        Assert.Equal(head - depth, retracted.ForkBlock);
        Assert.Equal(head, retracted.ToBlock);
        Assert.Equal(depth, retracted.RetractedBlocks.Count);
        Assert.Equal(dropped, retracted.Facts.Select(f => (f.Position.TxHash, f.Position.LogIndex, f.Position.BlockNumber, f.Position.BlockHash)).ToList());
        Assert.All(retracted.Facts, f => Assert.Equal((FactKinds.Mint, collection), (f.Kind, f.Contract)));
        var chainBlock = await Anvil.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(checkpoint.LastBlock));
        Assert.Equal(chainBlock.BlockHash.ToLowerInvariant(), checkpoint.LastBlockHash);
        Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, checkpoint.LastBlock), Keys(await RawEventsAsync()));

        var status = (await GraphQLAsync("query($c: ChainId!) { indexerStatus(chainId: $c) { reorgsDetected indexedBlock indexedBlockHash } }", new { c = Chain.Value }))
            .Ok("indexerStatus");
        Assert.Equal(1, status.GetProperty("reorgsDetected").GetInt32());
        Assert.Equal(checkpoint.LastBlockHash, status.GetProperty("indexedBlockHash").GetString());
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2, 4)]
    public async Task A_rollback_retracts_the_dropped_blocks_and_the_follower_goes_on_with_the_new_ones(int depth, int newBlocks)
    {
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var me = creator.TransactionManager.Account.Address;
        for (var i = 0; i < 5; i++)
        {
            await creator.SendAsync(collection, new Mint721Function { To = me, Uri = $"ipfs://token/{i}.json" });
        }

        var head = await Anvil.HeadAsync();
        await WaitIndexedAsync(head);
        var dropped = Keys((await RawEventsAsync()).Where(e => e.BlockNumber > head - depth));
        Assert.Equal(depth, dropped.Select(d => d.Item3).Distinct().Count());

        // The last `depth` blocks are gone (the chain is shorter than what was published), then new blocks come;
        // with fewer new blocks than dropped ones the chain stays shorter than the published head.
        await Anvil.RpcAsync<object>("anvil_rollback", depth);
        await Anvil.RpcAsync<object>("anvil_mine", newBlocks);
        var newHead = await Anvil.HeadAsync();
        Assert.Equal(head - depth + newBlocks, newHead);

        var retracted = Assert.Single(await Eventually.Until(PublishedAsync<EventsRetracted>, r => r.Count > 0, "the retraction"));
        var chainHash = (await Anvil.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(newHead))).BlockHash.ToLowerInvariant();
        var checkpoint = await Eventually.Until(CheckpointAsync, c => c!.LastBlock == newHead && c.LastBlockHash == chainHash, "the new blocks indexed");

        Assert.Equal((head - depth, head, depth), (retracted.ForkBlock, retracted.ToBlock, retracted.RetractedBlocks.Count));
        Assert.Equal(dropped, retracted.Facts.Select(f => (f.Position.TxHash, f.Position.LogIndex, f.Position.BlockNumber, f.Position.BlockHash)).ToList());
        Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, checkpoint!.LastBlock), Keys(await RawEventsAsync()));

        // And it keeps following: a mint after the rollback is published.
        await creator.TransactionManager.Account.NonceService.ResetNonceAsync();
        await creator.SendAsync(collection, new Mint721Function { To = me, Uri = "ipfs://token/after.json" });
        var after = await WaitIndexedAsync(await Anvil.HeadAsync());
        Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, after.LastBlock), Keys(await RawEventsAsync()));
    }

    [Fact]
    public async Task A_reorg_of_the_block_a_new_chain_started_at_is_rewound_not_a_halt()
    {
        await Anvil.RpcAsync<object>("anvil_mine", 3);
        await RegisterChainAsync();
        var head = await Anvil.HeadAsync();
        await WaitIndexedAsync(head);

        await Anvil.RpcAsync<object>("anvil_reorg", 2, Array.Empty<object>());

        var retracted = Assert.Single(await Eventually.Until(PublishedAsync<EventsRetracted>, r => r.Count > 0, "the retraction"));
        Assert.Equal((head - 2, 2), (retracted.ForkBlock, retracted.RetractedBlocks.Count));
        var checkpoint = await Eventually.Until(CheckpointAsync, c => c!.LastBlock == head, "the new branch indexed");
        var block = await Anvil.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(head));
        Assert.Equal(block.BlockHash.ToLowerInvariant(), checkpoint!.LastBlockHash);
    }

    [Fact]
    public async Task A_restarted_indexer_resumes_from_its_checkpoint_without_losing_or_repeating_anything()
    {
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        var me = creator.TransactionManager.Account.Address;
        await creator.SendAsync(collection, new Mint721Function { To = me, Uri = "ipfs://token/1.json" });
        await WaitIndexedAsync(await Anvil.HeadAsync());

        await StopServerAsync(Server);
        for (var i = 0; i < 4; i++)
        {
            await creator.SendAsync(collection, new Mint721Function { To = me, Uri = $"ipfs://token/more-{i}.json" });
        }

        var head = await Anvil.HeadAsync();
        Server = await StartServerAsync();

        var checkpoint = await WaitIndexedAsync(head);
        Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, checkpoint.LastBlock), Keys(await RawEventsAsync()));
        var keys = await TransferFactKeysAsync();
        Assert.Equal(5, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Of_two_replicas_one_holds_the_chain_and_the_other_takes_over_when_it_stops()
    {
        var creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);
        var second = await StartServerAsync();
        var collection = (await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        await WaitIndexedAsync(await Anvil.HeadAsync());

        var holders = await Eventually.Until(
            () => Task.FromResult(new[] { Server, second }.Select(s => HoldsLease(s)).ToArray()),
            h => h.All(x => x is not null),
            "both replicas to have tried the lease");
        Assert.Single(holders, h => h == true);
        var (holder, standby) = holders[0] == true ? (Server, second) : (second, Server);

        await StopServerAsync(holder);
        var me = creator.TransactionManager.Account.Address;
        await creator.SendAsync(collection, new Mint721Function { To = me, Uri = "ipfs://token/after.json" });
        var head = await Anvil.HeadAsync();

        await Eventually.Until(() => Task.FromResult(HoldsLease(standby)), h => h == true, "the standby to take the lease", TimeSpan.FromSeconds(15));
        Server = standby;
        var checkpoint = await WaitIndexedAsync(head);
        Assert.Equal(await ChainLogsAsync([factory.Address, collection], start, checkpoint.LastBlock), Keys(await RawEventsAsync()));
    }

    private static bool? HoldsLease(GraphQL.GatewayServer server) =>
        server.Services.GetRequiredService<FollowerStatusBoard>().Get(Chain.Value)?.HoldsLease;
}
