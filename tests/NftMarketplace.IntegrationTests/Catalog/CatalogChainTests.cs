using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.IntegrationTests.Indexing;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Registry;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// The catalog behind the real indexer on a private Anvil: after random mints, transfers, burns and ERC-1155 batches on
/// two factory collections and a tracked one — and after reorgs in the middle of it — every token's owner, balances and
/// supply and every collection's counts are what the chain answers (<c>ownerOf</c>, <c>balanceOf</c>, <c>totalSupply</c>).
/// </summary>
public sealed class CatalogChainTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private const string Track = "mutation($input: TrackCollectionInput!) { trackCollection(input: $input) { id } }";

    [Fact]
    public async Task After_random_activity_every_token_and_collection_equals_the_chain()
    {
        var world = await SetUpAsync();
        var random = new Random(1);
        for (var i = 0; i < 60; i++)
        {
            await StepAsync(world, random);
        }

        await AssertNoDivergenceAsync(world);
        var upserts = await PublishedByCatalogAsync<CollectionUpserted>();
        var created = Assert.Single(upserts, u => u.Contract == world.Erc721);
        Assert.Equal(world.Erc721Creation, created.TxHash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task After_a_reorg_during_the_activity_nothing_diverges_and_subscribers_got_the_retractions(int depth)
    {
        var world = await SetUpAsync();
        var random = new Random(depth);
        for (var i = 0; i < 20; i++)
        {
            await StepAsync(world, random);
        }

        // Everything the blocks about to be dropped said is in the catalog.
        await AssertNoDivergenceAsync(world);
        var forkBlock = await Anvil.HeadAsync() - depth;
        await Anvil.RpcAsync<object>("anvil_reorg", depth, Array.Empty<object>());
        foreach (var account in world.Holders)
        {
            await account.TransactionManager.Account.NonceService.ResetNonceAsync();
        }

        for (var i = 0; i < 10; i++)
        {
            await StepAsync(world, random);
        }

        await AssertNoDivergenceAsync(world);
        var retracted = (await PublishedByCatalogAsync<ActivitiesRecorded>()).Where(a => a.Retracted).SelectMany(a => a.Activities).ToList();
        Assert.NotEmpty(retracted);
        Assert.All(retracted, a => Assert.True(a.BlockNumber > forkBlock, $"{a.Id} was not in a dropped block"));
        // Every activity left is in a block of the chain as it is now.
        var blocks = await CatalogAsync(db => db.Activities.AsNoTracking().Where(a => a.ChainId == Chain.Value)
            .Select(a => new { a.BlockNumber, a.BlockHash }).Distinct().ToListAsync(Ct));
        foreach (var block in blocks)
        {
            var onChain = await Anvil.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(block.BlockNumber));
            Assert.Equal(onChain.BlockHash.ToLowerInvariant(), block.BlockHash);
        }
    }

    private async Task<World> SetUpAsync()
    {
        var creator = await TestChain.NewAccountAsync();
        var holders = new List<Web3> { creator, await TestChain.NewAccountAsync(), await TestChain.NewAccountAsync() };
        var (factory, start) = await DeployFactoryAsync(creator);
        // A second factory the indexer does not know: its collection is a contract like any other, followed once tracked.
        var unknownFactory = await DeployFactoryAsync(creator);
        await RegisterChainAsync(factory.Address, start);

        var erc721 = await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721);
        var erc1155 = await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc1155);
        var tracked = (await Collections.CreateAsync(creator, unknownFactory.Factory.Address, TokenStandard.Erc721)).Address.ToLowerInvariant();
        (await GraphQLAsync(Track, new { input = new { chainId = Chain.Value, address = tracked } }, AdminToken)).Ok("trackCollection");
        return new World(
            holders,
            erc721.Address.ToLowerInvariant(),
            erc721.Receipt.TransactionHash.ToLowerInvariant(),
            erc1155.Address.ToLowerInvariant(),
            tracked);
    }

    /// <summary>One transaction of a random kind, chosen among those the chain's current state allows.</summary>
    private async Task StepAsync(World world, Random random)
    {
        var creator = world.Holders[0];
        var to = world.Holders[random.Next(world.Holders.Count)];
        var erc721 = random.Next(2) == 0 ? world.Erc721 : world.Tracked;
        switch (random.Next(8))
        {
            case 0 or 1:
                await MintAsync();
                return;
            case 2 or 3:
                var owned = await Owned721Async(world, erc721);
                if (owned.Count == 0)
                {
                    await MintAsync();
                    return;
                }

                var (id, owner) = owned[random.Next(owned.Count)];
                var holder = world.Holders.Single(h => Address(h) == owner);
                if (random.Next(3) == 0)
                {
                    await holder.SendAsync(erc721, new Burn721Function { TokenId = id });
                }
                else
                {
                    await holder.SendAsync(erc721, new TransferFromFunction { From = owner, To = Address(to), TokenId = id });
                }

                return;
            case 4:
                await Mint1155Async();
                return;
            case 5:
                var last = await QueryAsync(world.Erc1155, new LastTokenIdFunction());
                if (last == 0)
                {
                    await Mint1155Async();
                    return;
                }

                await creator.SendAsync(world.Erc1155, new MintExisting1155Function { To = Address(to), Id = random.Next(1, (int)last + 1), Amount = random.Next(1, 4) });
                return;
            default:
                var sender = world.Holders[random.Next(world.Holders.Count)];
                var held = await Held1155Async(world, Address(sender));
                if (held.Count == 0)
                {
                    await Mint1155Async();
                    return;
                }

                var picked = held.Take(random.Next(1, 3)).ToList();
                var ids = picked.Select(h => h.Id).ToList();
                var values = picked.Select(h => (BigInteger)random.Next(1, (int)h.Balance + 1)).ToList();
                if (random.Next(3) == 0)
                {
                    await sender.SendAsync(world.Erc1155, new BurnBatch1155Function { Account = Address(sender), Ids = ids, Values = values });
                }
                else if (ids.Count == 1)
                {
                    await sender.SendAsync(world.Erc1155, new Burn1155Function { Account = Address(sender), Id = ids[0], Value = values[0] });
                }
                else
                {
                    await sender.SendAsync(world.Erc1155, new SafeBatchTransferFromFunction { From = Address(sender), To = Address(to), Ids = ids, Values = values });
                }

                return;
        }

        Task MintAsync() => creator.SendAsync(erc721, new Mint721Function { To = Address(to), Uri = "ipfs://token.json" });

        Task Mint1155Async() => creator.SendAsync(world.Erc1155, new MintBatch1155Function
        {
            To = Address(to), Amounts = [random.Next(1, 6), random.Next(1, 6)], MaxSupplies = [0, 0], Uris = ["ipfs://a.json", "ipfs://b.json"],
        });
    }

    /// <summary>Waits until the catalog agrees with the chain on every token, balance and count (the indexer and the consumers catch up).</summary>
    private async Task AssertNoDivergenceAsync(World world)
    {
        await WaitIndexedAsync(await Anvil.HeadAsync(), TimeSpan.FromSeconds(120));
        await Eventually.Until(() => DivergencesAsync(world), d => d.Count == 0, "the catalog to equal the chain", TimeSpan.FromSeconds(90));
    }

    /// <summary>Every difference between what the chain answers and what the catalog shows, as readable lines.</summary>
    private async Task<List<string>> DivergencesAsync(World world)
    {
        var chain = new List<string>();
        var holders = world.Holders.Select(Address).ToList();
        foreach (var contract in new[] { world.Erc721, world.Tracked })
        {
            var minted = await QueryAsync(contract, new TotalMinted721Function());
            chain.Add($"collection {contract} minted {minted}");
            var owners = new HashSet<string>();
            var items = 0;
            for (var id = BigInteger.One; id <= minted; id++)
            {
                var owner = await OwnerOfAsync(contract, id);
                chain.Add($"token {contract} {id} owner {owner} supply {(owner is null ? 0 : 1)}");
                if (owner is not null)
                {
                    chain.Add($"balance {contract} {id} {owner} 1");
                    owners.Add(owner);
                    items++;
                }
            }

            foreach (var holder in holders)
            {
                var balance = await QueryAsync(contract, new BalanceOf721Function { Owner = holder });
                chain.Add($"held {contract} {holder} {balance}");
            }

            chain.Add($"stats {contract} {items} {owners.Count}");
        }

        var last = await QueryAsync(world.Erc1155, new LastTokenIdFunction());
        chain.Add($"collection {world.Erc1155} minted {last}");
        var holders1155 = new HashSet<string>();
        var items1155 = 0;
        for (var id = BigInteger.One; id <= last; id++)
        {
            var supply = await QueryAsync(world.Erc1155, new TotalSupplyOfIdFunction { Id = id });
            chain.Add($"token {world.Erc1155} {id} owner  supply {supply}");
            items1155 += supply > 0 ? 1 : 0;
            foreach (var holder in holders)
            {
                var balance = await QueryAsync(world.Erc1155, new BalanceOf1155Function { Account = holder, Id = id });
                if (balance > 0)
                {
                    chain.Add($"balance {world.Erc1155} {id} {holder} {balance}");
                    holders1155.Add(holder);
                }
            }
        }

        chain.Add($"stats {world.Erc1155} {items1155} {holders1155.Count}");

        var catalog = await CatalogAsync(async db =>
        {
            var contracts = new[] { world.Erc721, world.Tracked, world.Erc1155 };
            var lines = new List<string>();
            lines.AddRange((await db.Collections.AsNoTracking().Where(c => c.ChainId == Chain.Value && contracts.Contains(c.Address)).ToListAsync(Ct))
                .Select(c => $"collection {c.Address} minted {c.TotalMinted}"));
            lines.AddRange((await db.Tokens.AsNoTracking().Where(t => t.ChainId == Chain.Value && contracts.Contains(t.Contract)).ToListAsync(Ct))
                .Select(t => $"token {t.Contract} {t.TokenId} owner {t.Owner} supply {t.Supply}"));
            lines.AddRange((await db.TokenBalances.AsNoTracking().Where(b => b.ChainId == Chain.Value && contracts.Contains(b.Contract)).ToListAsync(Ct))
                .Select(b => $"balance {b.Contract} {b.TokenId} {b.Owner} {b.Quantity}"));
            // ERC-721 balanceOf: the tokens a holder has in the collection.
            var erc721 = new[] { world.Erc721, world.Tracked };
            var held = await db.TokenBalances.AsNoTracking().Where(b => b.ChainId == Chain.Value && erc721.Contains(b.Contract))
                .GroupBy(b => new { b.Contract, b.Owner }).Select(g => new { g.Key.Contract, g.Key.Owner, Count = g.Count() }).ToListAsync(Ct);
            lines.AddRange(erc721.SelectMany(c => world.Holders.Select(Address).Select(h =>
                $"held {c} {h} {held.SingleOrDefault(x => x.Contract == c && x.Owner == h)?.Count ?? 0}")));
            lines.AddRange((await db.CollectionStats.AsNoTracking().Where(s => s.ChainId == Chain.Value && contracts.Contains(s.Address)).ToListAsync(Ct))
                .Select(s => $"stats {s.Address} {s.ItemsCount} {s.OwnersCount}"));
            return lines;
        });

        return [.. chain.Except(catalog).Select(l => "chain:   " + l).Concat(catalog.Except(chain).Select(l => "catalog: " + l))];
    }

    private async Task<List<(BigInteger Id, string Owner)>> Owned721Async(World world, string contract)
    {
        var minted = await QueryAsync(contract, new TotalMinted721Function());
        var owned = new List<(BigInteger, string)>();
        for (var id = BigInteger.One; id <= minted; id++)
        {
            if (await OwnerOfAsync(contract, id) is { } owner && world.Holders.Any(h => Address(h) == owner))
            {
                owned.Add((id, owner));
            }
        }

        return owned;
    }

    private async Task<List<(BigInteger Id, BigInteger Balance)>> Held1155Async(World world, string holder)
    {
        var last = await QueryAsync(world.Erc1155, new LastTokenIdFunction());
        var held = new List<(BigInteger, BigInteger)>();
        for (var id = BigInteger.One; id <= last; id++)
        {
            var balance = await QueryAsync(world.Erc1155, new BalanceOf1155Function { Account = holder, Id = id });
            if (balance > 0)
            {
                held.Add((id, balance));
            }
        }

        return held;
    }

    private async Task<string?> OwnerOfAsync(string contract, BigInteger id)
    {
        try
        {
            var owner = await Anvil.Web3.Eth.GetContractQueryHandler<OwnerOfFunction>().QueryAsync<string>(contract, new OwnerOfFunction { TokenId = id });
            return owner.ToLowerInvariant();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // ERC721NonexistentToken: burned.
            return null;
        }
    }

    private Task<BigInteger> QueryAsync<TFunction>(string contract, TFunction function)
        where TFunction : Nethereum.Contracts.FunctionMessage, new() =>
        Anvil.Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<BigInteger>(contract, function);

    private async Task<T> CatalogAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    private async Task<List<TEvent>> PublishedByCatalogAsync<TEvent>()
        where TEvent : IIntegrationEvent
    {
        var schema = TEvent.Schema;
        var payloads = await CatalogAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Schema == schema)
            .OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync(Ct));
        return [.. payloads.Select(p => EventEnvelope.Deserialize<TEvent>(Encoding.UTF8.GetBytes(p)))];
    }

    private static string Address(Web3 account) => account.TransactionManager.Account.Address.ToLowerInvariant();

    /// <summary>The accounts (the first one owns every collection) and the three collections, addresses lowercase.</summary>
    private sealed record World(List<Web3> Holders, string Erc721, string Erc721Creation, string Erc1155, string Tracked);
}
