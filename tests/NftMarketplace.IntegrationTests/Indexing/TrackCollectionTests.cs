using Microsoft.EntityFrameworkCore;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.SmartContracts.Collections721;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary><c>trackCollection</c> and <c>indexerStatus</c> over real HTTP: refusals store nothing, a tracked contract is backfilled.</summary>
public sealed class TrackCollectionTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    private const string Track = """
        mutation($input: TrackCollectionInput!) { trackCollection(input: $input) { id chainId address standard indexStatus deployedBlock name } }
        """;

    [Fact]
    public async Task Bad_inputs_are_typed_errors_and_store_nothing()
    {
        var deployer = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(deployer);
        await RegisterChainAsync(factory.Address, start);
        var eoa = (await TestChain.NewAccountAsync()).TransactionManager.Account.Address;
        var collection = await TestChain.DeployAsync(deployer, new Collection721Deployment());

        var anonymous = await GraphQLAsync(Track, Input(Chain.Value, collection));
        var notAdmin = await GraphQLAsync(Track, Input(Chain.Value, collection), UserToken);
        var unknownChain = await GraphQLAsync(Track, Input("eip155:999999", collection), AdminToken);
        var noCode = await GraphQLAsync(Track, Input(Chain.Value, eoa), AdminToken);
        var notAnNft = await GraphQLAsync(Track, Input(Chain.Value, factory.Address), AdminToken);
        var badAddress = await GraphQLAsync(Track, Input(Chain.Value, "0x1234"), AdminToken);

        Assert.Equal("UNAUTHENTICATED", anonymous.Code);
        Assert.Equal("FORBIDDEN", notAdmin.Code);
        Assert.Equal(("BAD_USER_INPUT", "input.chainId"), (unknownChain.Code, unknownChain.Field));
        Assert.Equal(("BAD_USER_INPUT", "input.address"), (noCode.Code, noCode.Field));
        Assert.Equal(("BAD_USER_INPUT", "input.address"), (notAnNft.Code, notAnNft.Field));
        Assert.Equal("BAD_USER_INPUT", badAddress.Code);
        Assert.Equal(0, await QueryAsync(db => db.FollowedContracts.CountAsync(f => f.Source == FollowedSources.Tracked, Ct)));
        Assert.Empty(await PublishedAsync<CollectionsCreated>());
    }

    [Fact]
    public async Task A_tracked_contract_is_announced_at_once_backfilled_and_then_live()
    {
        var deployer = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(deployer);
        await RegisterChainAsync(factory.Address, start);
        await WaitIndexedAsync(start);
        // A contract the factory did not create, deployed and used before anyone tracks it.
        var collection = (await TestChain.DeployAsync(deployer, new Collection721Deployment())).ToLowerInvariant();
        var deployedAt = await Anvil.HeadAsync();
        await WaitIndexedAsync(deployedAt + 0);

        var tracked = (await GraphQLAsync(Track, Input(Chain.Value, collection), AdminToken)).Ok("trackCollection");
        var again = (await GraphQLAsync(Track, Input(Chain.Value, collection), AdminToken)).Ok("trackCollection");

        Assert.Equal(("ERC721", "BACKFILLING", deployedAt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (tracked.GetProperty("standard").GetString(), tracked.GetProperty("indexStatus").GetString(), tracked.GetProperty("deployedBlock").GetString()));
        Assert.Equal(tracked.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        var announced = Assert.Single((await PublishedAsync<CollectionsCreated>()).SelectMany(e => e.Collections));
        Assert.Equal((collection, CollectionSources.Tracked, deployedAt, -1), (announced.Address, announced.Source, announced.Position.BlockNumber, announced.Position.LogIndex));

        await Eventually.Until(
            () => QueryAsync(db => db.FollowedContracts.AsNoTracking().SingleAsync(f => f.Address == collection, Ct)),
            f => f.BackfillStatus == BackfillStatuses.Live,
            "the tracked contract to go live");
        var status = (await GraphQLAsync("query($c: ChainId!) { indexerStatus(chainId: $c) { chainId confirmationsRequired backfilling lagBlocks reorgsDetected } }", new { c = Chain.Value }))
            .Ok("indexerStatus");
        Assert.Equal((1, false, 0), (status.GetProperty("confirmationsRequired").GetInt32(), status.GetProperty("backfilling").GetBoolean(), status.GetProperty("reorgsDetected").GetInt32()));
    }

    [Fact]
    public async Task The_status_of_an_unknown_chain_is_not_found()
    {
        var result = await GraphQLAsync("query { indexerStatus(chainId: \"eip155:999999\") { indexedBlock } }");

        Assert.Equal("NOT_FOUND", result.Code);
    }

    private static object Input(string chainId, string address) => new { input = new { chainId, address } };
}
