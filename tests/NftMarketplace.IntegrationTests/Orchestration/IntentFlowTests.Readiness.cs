using System.Text.Json;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// READY from the catalog's domain events (written to the catalog's outbox of the Host, as the Catalog writes them), in
/// both orders, over the socket; and who may mint as the catalog knows it.
/// </summary>
public sealed partial class IntentFlowTests
{
    [Fact]
    public async Task A_collection_becomes_ready_when_the_catalog_shows_it_with_the_deployed_address_on_the_socket()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var prepared = await PrepareCollectionAsync(creator, "ERC721");
        var intentId = Creator.Id(prepared);
        var preview = prepared.GetProperty("previewAddress").GetString()!;
        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("c", OnCollectionStatus, new { id = intentId });
        Assert.Equal("PREPARED", (await NextAsync(socket, "c")).GetProperty("status").GetString());

        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await TrackCollectionAsync(creator, intentId, receipt.TransactionHash);
        Assert.Equal(["PENDING", "CONFIRMED"], await StatusesUntilAsync(socket, "c", "CONFIRMED"));
        await CatalogSide.Of(host).CollectionCreatedAsync(preview, "erc721", receipt.TransactionHash, creator.Address);

        var ready = await NextAsync(socket, "c");
        Assert.Equal("READY", ready.GetProperty("status").GetString());
        Assert.Equal(preview, ready.GetProperty("address").GetString());
        Assert.Equal(receipt.TransactionHash, ready.GetProperty("txHash").GetString());
        Assert.Equal("complete", (await socket.ReceiveAsync()).GetProperty("type").GetString());
        var intent = (await creator.PostAsync(Creator.Intent, new { id = intentId })).Field("intent");
        Assert.Equal("READY", intent.GetProperty("status").GetString());
        Assert.Equal(preview, intent.GetProperty("contract").GetString());
    }

    [Fact]
    public async Task A_collection_the_catalog_showed_before_its_track_is_ready_when_tracked_each_step_pushed()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var catalog = CatalogSide.Of(host);
        var prepared = await PrepareCollectionAsync(creator, "ERC1155");
        var intentId = Creator.Id(prepared);
        var preview = prepared.GetProperty("previewAddress").GetString()!;
        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await catalog.CollectionCreatedAsync(preview, "erc1155", receipt.TransactionHash, creator.Address);
        await Eventually.Until(() => catalog.HoldsFactAsync(receipt.TransactionHash), held => held, "the readiness fact kept for the untracked transaction");
        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("c", OnCollectionStatus, new { id = intentId });
        Assert.Equal("PREPARED", (await NextAsync(socket, "c")).GetProperty("status").GetString());

        var tracked = await TrackCollectionAsync(creator, intentId, receipt.TransactionHash);

        Assert.Equal("READY", tracked.GetProperty("status").GetString());
        Assert.Equal(preview, tracked.GetProperty("contract").GetString());
        Assert.Equal(["PENDING", "CONFIRMED", "READY"], await StatusesUntilAsync(socket, "c", "READY"));
        Assert.False(await catalog.HoldsFactAsync(receipt.TransactionHash));
    }

    [Fact]
    public async Task An_erc721_batch_mint_becomes_ready_with_the_catalogs_token_ids_on_the_socket()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        var prepared = (await creator.PostAsync(Creator.PrepareMint721, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { uri = "ipfs://bafkreir/1" }, new { uri = "ipfs://bafkreir/2" } } },
        })).Field("prepareMint721");
        var intentId = Creator.Id(prepared);
        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("m", OnMintStatus, new { id = intentId });
        Assert.Equal("PREPARED", (await NextAsync(socket, "m")).GetProperty("status").GetString());

        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, intentId, receipt.TransactionHash, collection);
        Assert.Equal(["PENDING", "CONFIRMED"], await StatusesUntilAsync(socket, "m", "CONFIRMED"));
        await CatalogSide.Of(host).MintedAsync(collection, "erc721", receipt.TransactionHash, ["1", "2"]);

        var ready = await NextAsync(socket, "m");
        Assert.Equal("READY", ready.GetProperty("status").GetString());
        Assert.Equal(["1", "2"], ready.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(collection, ready.GetProperty("contract").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Erc1155_mints_of_new_and_existing_ids_become_ready_in_either_order_and_a_late_subscriber_gets_ready_at_once()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var catalog = CatalogSide.Of(host);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC1155");
        var fresh = (await creator.PostAsync(Creator.PrepareMint1155, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new object[] { new { amount = "2", uri = "ipfs://bafkreis/1" }, new { amount = "1", uri = "ipfs://bafkreis/2" } } },
        })).Field("prepareMint1155");
        var freshReceipt = await creator.SendAsync(fresh.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, Creator.Id(fresh), freshReceipt.TransactionHash, collection);
        await IntentSteps.AwaitStatusAsync(creator, Creator.Id(fresh), "CONFIRMED");
        await catalog.MintedAsync(collection, "erc1155", freshReceipt.TransactionHash, ["1", "2"]);
        var freshReady = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(fresh), "READY");
        Assert.Equal(["1", "2"], freshReady.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));

        // More of id 1, the catalog's event first.
        var more = (await creator.PostAsync(Creator.PrepareMint1155, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { tokenId = "1", amount = "4" } } },
        })).Field("prepareMint1155");
        var moreReceipt = await creator.SendAsync(more.GetProperty("txRequest"));
        await catalog.MintedAsync(collection, "erc1155", moreReceipt.TransactionHash, ["1"]);
        await Eventually.Until(() => catalog.HoldsFactAsync(moreReceipt.TransactionHash), held => held, "the readiness fact kept for the untracked mint");
        var tracked = await IntentSteps.TrackMintAsync(creator, Creator.Id(more), moreReceipt.TransactionHash, collection);
        Assert.Equal("READY", tracked.GetProperty("status").GetString());
        Assert.Equal(["1"], tracked.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));

        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("late", OnMintStatus, new { id = Creator.Id(more) });
        var first = await NextAsync(socket, "late");
        Assert.Equal("READY", first.GetProperty("status").GetString());
        Assert.Equal(["1"], first.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal("complete", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_ready_mint_whose_mints_a_reorg_retracted_goes_back_to_the_watcher_and_becomes_ready_again()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var catalog = CatalogSide.Of(host);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        var prepared = (await creator.PostAsync(Creator.PrepareMint721, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { uri = "ipfs://bafkreit/1" } } },
        })).Field("prepareMint721");
        var intentId = Creator.Id(prepared);
        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, intentId, receipt.TransactionHash, collection);
        await IntentSteps.AwaitStatusAsync(creator, intentId, "CONFIRMED");
        await catalog.MintedAsync(collection, "erc721", receipt.TransactionHash, ["1"]);
        await IntentSteps.AwaitStatusAsync(creator, intentId, "READY");

        await catalog.MintedAsync(collection, "erc721", receipt.TransactionHash, ["1"], retracted: true);

        // Reopened to PENDING; the transaction is still mined (nothing really reorganised), so the watcher confirms it again.
        var confirmed = await IntentSteps.AwaitStatusAsync(creator, intentId, "CONFIRMED");
        Assert.Equal(["1"], confirmed.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
        await catalog.MintedAsync(collection, "erc721", receipt.TransactionHash, ["1"]);
        await IntentSteps.AwaitStatusAsync(creator, intentId, "READY");
    }

    [Fact]
    public async Task Who_may_mint_and_how_many_is_what_the_catalog_shows_once_it_shows_the_collection()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var catalog = CatalogSide.Of(host);
        var stranger = "0x" + new string('5', 40);
        object MintInput(string collection, int count) =>
            new { chainId = Creator.ChainId, contract = collection, items = Enumerable.Range(1, count).Select(i => new { uri = $"ipfs://bafkreiu/{i}" }).ToArray() };

        // The chain says the creator owns all three; the catalog's rows decide.
        var ownedByOther = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        await catalog.ShowCollectionAsync(ownedByOther, "erc721", owner: stranger);
        await AssertRefusedAsync(creator, Creator.PrepareMint721, MintInput(ownedByOther, 1), "FORBIDDEN", "input.contract");

        var granted = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        await catalog.ShowCollectionAsync(granted, "erc721", owner: stranger, minters: creator.Address);
        Assert.Null((await creator.PostAsync(Creator.PrepareMint721, new { input = MintInput(granted, 1) })).ErrorCode);

        var capped = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        await catalog.ShowCollectionAsync(capped, "erc721", owner: creator.Address, maxSupply: 3, totalMinted: 2);
        await AssertRefusedAsync(creator, Creator.PrepareMint721, MintInput(capped, 2), "BAD_USER_INPUT", "input.items");
        Assert.Null((await creator.PostAsync(Creator.PrepareMint721, new { input = MintInput(capped, 1) })).ErrorCode);

        var wrongStandard = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        await catalog.ShowCollectionAsync(wrongStandard, "erc1155", owner: creator.Address);
        await AssertRefusedAsync(creator, Creator.PrepareMint721, MintInput(wrongStandard, 1), "BAD_USER_INPUT", "input.contract");
    }

    private static async Task<JsonElement> PrepareCollectionAsync(Creator creator, string standard) =>
        (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard, name = "Ready " + standard, symbol = "RDY" },
        })).Field("prepareCreateCollection");

    private static async Task<JsonElement> TrackCollectionAsync(Creator creator, string intentId, string txHash) =>
        (await creator.PostAsync(Creator.TrackCollection, new { input = new { intentId, chainId = Creator.ChainId, txHash } })).Field("trackCollectionTx");

    /// <summary>The statuses of the next frames, up to and including <paramref name="last"/>.</summary>
    private static async Task<List<string>> StatusesUntilAsync(WsClient socket, string id, string last)
    {
        var statuses = new List<string>();
        do
        {
            statuses.Add((await NextAsync(socket, id)).GetProperty("status").GetString()!);
        }
        while (statuses[^1] != last && statuses.Count < 10);
        return statuses;
    }
}
