using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.SmartContracts.Collections;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// Collections and mints end to end against the real Host: prepare, send the returned transaction with the creator's
/// own key, track it, and watch the intent over a real WebSocket until the receipt confirms it.
/// </summary>
public sealed partial class IntentFlowTests(IntentsHostFixture host) : IClassFixture<IntentsHostFixture>, IDisposable
{
    private const string OnCollectionStatus =
        "subscription($id: ID!) { onCollectionStatus(intentId: $id) { intentId status chainId txHash address error } }";

    private const string OnMintStatus =
        "subscription($id: ID!) { onMintStatus(intentId: $id) { intentId status chainId txHash contract tokenIds error } }";

    private readonly HttpClient _http = host.Http();

    [Fact]
    public async Task A_collection_is_created_at_its_preview_address_and_the_socket_sees_it_confirmed_then_ready()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var image = await creator.UploadImageAsync();
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new
            {
                chainId = Creator.ChainId, standard = "ERC721", name = "Intent Flow", symbol = "FLOW", description = "Made by a test.",
                imageCid = image, royaltyReceiver = creator.Address, royaltyBps = 250, maxSupply = "100",
            },
        })).Field("prepareCreateCollection");
        var intentId = Creator.Id(prepared);
        var preview = prepared.GetProperty("previewAddress").GetString()!;
        var txRequest = prepared.GetProperty("txRequest");
        Assert.Equal("PREPARED", prepared.GetProperty("intent").GetProperty("status").GetString());
        Assert.Equal("CREATE_COLLECTION", prepared.GetProperty("intent").GetProperty("kind").GetString());
        Assert.Equal(preview, prepared.GetProperty("intent").GetProperty("previewAddress").GetString());
        Assert.Equal(creator.Address, txRequest.GetProperty("from").GetString(), ignoreCase: true);
        Assert.Equal(await FactoryAsync(creator), txRequest.GetProperty("to").GetString(), ignoreCase: true);

        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("1", OnCollectionStatus, new { id = intentId });
        var first = await NextAsync(socket, "1");
        Assert.Equal("PREPARED", first.GetProperty("status").GetString());
        Assert.Equal(preview, first.GetProperty("address").GetString());

        var receipt = await creator.SendAsync(txRequest);
        Assert.True(receipt.Succeeded());
        var tracked = (await creator.PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId, chainId = Creator.ChainId, txHash = receipt.TransactionHash, previewAddress = preview },
        })).Field("trackCollectionTx");
        Assert.Equal(receipt.TransactionHash, tracked.GetProperty("txHash").GetString());

        var statuses = new List<string> { "PREPARED" };
        JsonElement update;
        do
        {
            update = await NextAsync(socket, "1");
            statuses.Add(update.GetProperty("status").GetString()!);
        }
        while (statuses[^1] != "READY");
        // The receipt confirms it, then the Host's catalog shows the collection.
        Assert.Equal(["PREPARED", "PENDING", "CONFIRMED", "READY"], statuses);
        Assert.Equal(preview, update.GetProperty("address").GetString());
        Assert.Equal(receipt.TransactionHash, update.GetProperty("txHash").GetString());

        // The deployed collection is at the preview, and carries the pinned collection metadata.
        Assert.NotEqual("0x", await creator.Web3.Eth.GetCode.SendRequestAsync(preview));
        var contractUri = await creator.Web3.Eth.GetContractQueryHandler<ContractUriFunction>().QueryAsync<string>(preview, new ContractUriFunction());
        Assert.StartsWith("ipfs://", contractUri, StringComparison.Ordinal);
        var intent = (await creator.PostAsync(Creator.Intent, new { id = intentId })).Field("intent");
        Assert.Equal("READY", intent.GetProperty("status").GetString());
        Assert.Equal(preview, intent.GetProperty("contract").GetString());

        // The same hash again changes nothing.
        var again = (await creator.PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId, chainId = Creator.ChainId, txHash = receipt.TransactionHash },
        })).Field("trackCollectionTx");
        Assert.Equal("READY", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_erc721_batch_mint_is_confirmed_with_its_token_ids_over_the_socket()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        var prepared = (await creator.PostAsync(Creator.PrepareMint721, new
        {
            input = new
            {
                chainId = Creator.ChainId, contract = collection,
                items = new[] { new { uri = "ipfs://bafkreia/1" }, new { uri = "ipfs://bafkreia/2" }, new { uri = "ipfs://bafkreia/3" } },
            },
        })).Field("prepareMint721");
        var intentId = Creator.Id(prepared);
        Assert.Equal("MINT", prepared.GetProperty("intent").GetProperty("kind").GetString());
        Assert.Equal(collection, prepared.GetProperty("intent").GetProperty("contract").GetString(), ignoreCase: true);

        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);
        await socket.SubscribeAsync("m", OnMintStatus, new { id = intentId });
        Assert.Equal("PREPARED", (await NextAsync(socket, "m")).GetProperty("status").GetString());

        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, intentId, receipt.TransactionHash, collection);
        JsonElement update;
        do
        {
            update = await NextAsync(socket, "m");
        }
        while (update.GetProperty("status").GetString() != "CONFIRMED");
        Assert.Equal(["1", "2", "3"], update.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(collection, update.GetProperty("contract").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Erc1155_mints_of_new_ids_and_of_an_existing_id_are_confirmed_with_their_ids()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC1155");

        var fresh = (await creator.PostAsync(Creator.PrepareMint1155, new
        {
            input = new
            {
                chainId = Creator.ChainId, contract = collection,
                items = new object[] { new { amount = "5", maxSupply = "10", uri = "ipfs://bafkreib/1" }, new { amount = "1", uri = "ipfs://bafkreib/2" } },
            },
        })).Field("prepareMint1155");
        var freshReceipt = await creator.SendAsync(fresh.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, Creator.Id(fresh), freshReceipt.TransactionHash, collection);
        var freshIntent = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(fresh), "CONFIRMED");
        Assert.Equal(["1", "2"], freshIntent.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));

        var more = (await creator.PostAsync(Creator.PrepareMint1155, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { tokenId = "1", amount = "3" } } },
        })).Field("prepareMint1155");
        var moreReceipt = await creator.SendAsync(more.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, Creator.Id(more), moreReceipt.TransactionHash, collection);
        var moreIntent = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(more), "CONFIRMED");
        Assert.Equal(["1"], moreIntent.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
    }

    [Fact]
    public async Task A_mint_past_the_max_supply_fails_with_the_decoded_revert()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC721", maxSupply: "1");
        var mint = new { input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { uri = "ipfs://bafkreic/1" } } } };
        // Both prepared while nothing is minted, so both estimates pass; only one fits.
        var first = (await creator.PostAsync(Creator.PrepareMint721, mint)).Field("prepareMint721");
        var second = (await creator.PostAsync(Creator.PrepareMint721, mint)).Field("prepareMint721");

        var firstReceipt = await creator.SendAsync(first.GetProperty("txRequest"));
        var secondReceipt = await creator.SendAsync(second.GetProperty("txRequest"));
        Assert.True(firstReceipt.Succeeded());
        Assert.False(secondReceipt.Succeeded());
        await IntentSteps.TrackMintAsync(creator, Creator.Id(first), firstReceipt.TransactionHash, collection);
        await IntentSteps.TrackMintAsync(creator, Creator.Id(second), secondReceipt.TransactionHash, collection);

        var failed = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(second), "FAILED");
        Assert.Contains("MaxSupplyExceeded", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        await IntentSteps.AwaitStatusAsync(creator, Creator.Id(first), "CONFIRMED");
    }

    [Fact]
    public async Task An_intent_without_a_transaction_expires_at_its_deadline()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard = "ERC1155", name = "Never Sent", symbol = "NS", deadlineSeconds = 30 },
        })).Field("prepareCreateCollection");

        var expired = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(prepared), "EXPIRED", TimeSpan.FromSeconds(90));

        Assert.NotNull(expired.GetProperty("error").GetString());
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> FactoryAsync(Creator creator)
    {
        var chain = (await creator.PostAsync("{ chain(id: \"eip155:31337\") { contracts { name address } } }")).Field("chain");
        return chain.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "NftFactory").GetProperty("address").GetString()!;
    }

    /// <summary>The payload of the next <c>next</c> message of operation <paramref name="id"/>.</summary>
    private static async Task<JsonElement> NextAsync(WsClient socket, string id)
    {
        var message = await socket.ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", $"expected next, got {message}");
        Assert.Equal(id, message.GetProperty("id").GetString());
        var payload = message.GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out var errors), $"errors: {errors}");
        return payload.GetProperty("data").EnumerateObject().Single().Value;
    }
}

/// <summary>Steps several intent tests take on the way to what they check.</summary>
internal static class IntentSteps
{
    /// <summary>Prepares, sends and tracks a collection, and waits for its intent to be CONFIRMED; returns its address.</summary>
    public static async Task<string> CreateCollectionAsync(Creator creator, string standard, string? maxSupply = null)
    {
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard, name = "Steps " + standard, symbol = "STP", maxSupply },
        })).Field("prepareCreateCollection");
        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        Assert.True(receipt.Succeeded());
        (await creator.PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId = Creator.Id(prepared), chainId = Creator.ChainId, txHash = receipt.TransactionHash },
        })).Field("trackCollectionTx");
        var confirmed = await AwaitStatusAsync(creator, Creator.Id(prepared), "CONFIRMED");
        Assert.Equal(prepared.GetProperty("previewAddress").GetString(), confirmed.GetProperty("contract").GetString());
        return confirmed.GetProperty("contract").GetString()!;
    }

    public static async Task<JsonElement> TrackMintAsync(Creator creator, string intentId, string txHash, string contract) =>
        (await creator.PostAsync(Creator.TrackMint, new { input = new { intentId, chainId = Creator.ChainId, txHash, contract } })).Field("trackMintTx");

    public static async Task<JsonElement> AwaitStatusAsync(Creator creator, string intentId, string status, TimeSpan? timeout = null)
    {
        var reply = await Eventually.Until(
            () => creator.PostAsync(Creator.Intent, new { id = intentId }),
            r => r.ErrorCode is null && r.Data.GetProperty("intent").GetProperty("status").GetString() is { } s && (Reached(s, status) || s is "FAILED" or "EXPIRED"),
            $"intent {intentId} {status}",
            timeout);
        var intent = reply.Field("intent");
        Assert.True(Reached(intent.GetProperty("status").GetString()!, status), $"intent {intentId} is {intent}");
        return intent;
    }

    /// <summary>
    /// Whether an intent at <paramref name="current"/> has reached <paramref name="wanted"/>: READY follows CONFIRMED as
    /// soon as the Host's catalog shows the transaction, so a test waiting for CONFIRMED may find it READY already.
    /// </summary>
    private static bool Reached(string current, string wanted) => current == wanted || (wanted == "CONFIRMED" && current == "READY");
}
