using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>Every refusal of the intent API, with its code and the field it names; none changes an intent.</summary>
public sealed partial class IntentFlowTests
{
    [Fact]
    public async Task A_bad_collection_request_is_refused_naming_its_field()
    {
        var creator = await Creator.SignInAsync(host, _http);
        object Input(object changes) => Merge(new { chainId = Creator.ChainId, standard = "ERC721", name = "Refused", symbol = "NO" }, changes);

        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { royaltyBps = 10001, royaltyReceiver = creator.Address }), "BAD_USER_INPUT", "input.royaltyBps");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { royaltyBps = 100 }), "BAD_USER_INPUT", "input.royaltyReceiver");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { imageCid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" }), "BAD_USER_INPUT", "input.imageCid");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { deadlineSeconds = 29 }), "BAD_USER_INPUT", "input.deadlineSeconds");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { deadlineSeconds = 86401 }), "BAD_USER_INPUT", "input.deadlineSeconds");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { chainId = "eip155:424242" }), "BAD_USER_INPUT", "input.chainId");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { standard = "ERC1155", maxSupply = "5" }), "BAD_USER_INPUT", "input.maxSupply");
        await AssertRefusedAsync(creator, Creator.PrepareCollection, Input(new { name = "" }), "BAD_USER_INPUT", "input.name");
        var badAddress = await creator.PostAsync(Creator.PrepareCollection, new { input = Input(new { royaltyReceiver = "0x1234" }) });
        Assert.Equal("BAD_USER_INPUT", badAddress.ErrorCode);

        Assert.Equal(0, (await creator.PostAsync("{ myIntents { totalCount } }")).Field("myIntents").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_disabled_chain_is_forbidden()
    {
        var admin = SiweHostFixture.Client(_http);
        var session = await admin.SignInAsync(host.Admin);
        var chainId = $"eip155:{Random.Shared.Next(100_000, 1_000_000)}";
        (await admin.PostAsync(
            "mutation($input: AddChainInput!) { addChain(input: $input) { chainId } }",
            new { input = new { chainId, name = "Disabled", nativeSymbol = "ETH", enabled = false } },
            session.AccessToken)).Field("addChain");
        var creator = await Creator.SignInAsync(host, _http);

        await AssertRefusedAsync(
            creator, Creator.PrepareCollection, new { chainId, standard = "ERC721", name = "Off", symbol = "OFF" }, "FORBIDDEN", "input.chainId");
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_intent()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var input = new { chainId = Creator.ChainId, standard = "ERC721", name = "Once", symbol = "ONE", idempotencyKey = "retry-" + Guid.NewGuid() };

        var first = (await creator.PostAsync(Creator.PrepareCollection, new { input })).Field("prepareCreateCollection");
        var second = (await creator.PostAsync(Creator.PrepareCollection, new { input })).Field("prepareCreateCollection");

        Assert.Equal(Creator.Id(first), Creator.Id(second));
        Assert.Equal(first.GetProperty("txRequest").GetProperty("data").GetString(), second.GetProperty("txRequest").GetProperty("data").GetString());
        Assert.Equal(first.GetProperty("previewAddress").GetString(), second.GetProperty("previewAddress").GetString());
        Assert.Equal(1, (await creator.PostAsync("{ myIntents { totalCount } }")).Field("myIntents").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_bad_mint_request_is_refused_naming_its_field()
    {
        var owner = await Creator.SignInAsync(host, _http);
        var collection721 = await IntentSteps.CreateCollectionAsync(owner, "ERC721");
        var collection1155 = await IntentSteps.CreateCollectionAsync(owner, "ERC1155");
        var uri = new { uri = "ipfs://bafkreid/1" };

        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection721, items = Array.Empty<object>() }, "BAD_USER_INPUT", "input.items");
        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection721, items = Enumerable.Repeat(uri, 101) }, "BAD_USER_INPUT", "input.items");
        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection721, items = new[] { new { uri = "" } } }, "BAD_USER_INPUT", "input.items[0].uri");
        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection1155, items = new[] { uri } }, "BAD_USER_INPUT", "input.contract");
        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = owner.Address, items = new[] { uri } }, "BAD_USER_INPUT", "input.contract");
        await AssertRefusedAsync(owner, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection721, to = "0x0000000000000000000000000000000000000000", items = new[] { uri } }, "BAD_USER_INPUT", "input.to");
        await AssertRefusedAsync(owner, Creator.PrepareMint1155, new { chainId = Creator.ChainId, contract = collection1155, items = new[] { new { amount = "1" } } }, "BAD_USER_INPUT", "input.items[0].uri");
        await AssertRefusedAsync(owner, Creator.PrepareMint1155, new { chainId = Creator.ChainId, contract = collection1155, items = new[] { new { amount = "0", uri = "ipfs://x" } } }, "BAD_USER_INPUT", "input.items[0].amount");
        await AssertRefusedAsync(owner, Creator.PrepareMint1155, new { chainId = Creator.ChainId, contract = collection1155, items = new object[] { new { amount = "1", uri = "ipfs://x" }, new { tokenId = "1", amount = "1" } } }, "BAD_USER_INPUT", "input.items");
        var badAddress = await owner.PostAsync(Creator.PrepareMint721, new { input = new { chainId = Creator.ChainId, contract = "0xnot-an-address", items = new[] { uri } } });
        Assert.Equal("BAD_USER_INPUT", badAddress.ErrorCode);

        // Someone else's collection: neither owner nor minter.
        var stranger = await Creator.SignInAsync(host, _http);
        await AssertRefusedAsync(stranger, Creator.PrepareMint721, new { chainId = Creator.ChainId, contract = collection721, items = new[] { uri } }, "FORBIDDEN", "input.contract");
    }

    [Fact]
    public async Task Tracking_trusts_nothing_the_client_says_and_leaves_the_intent_as_it_was()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var other = await Creator.SignInAsync(host, _http);
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard = "ERC721", name = "Tracked", symbol = "TRK" },
        })).Field("prepareCreateCollection");
        var intentId = Creator.Id(prepared);
        var txRequest = prepared.GetProperty("txRequest");
        object Track(string txHash) => new { intentId, chainId = Creator.ChainId, txHash };

        // Someone else's intent answers as an unknown one, everywhere.
        await AssertRefusedAsync(other, Creator.TrackCollection, Track("0x" + new string('1', 64)), "NOT_FOUND", "input.intentId");
        Assert.Equal("NOT_FOUND", (await other.PostAsync(Creator.Intent, new { id = intentId })).ErrorCode);
        using (var socket = await WsClient.ConnectAsync(host.WebSocketUri, other.AccessToken))
        {
            await socket.SubscribeAsync("x", "subscription($id: ID!) { onCollectionStatus(intentId: $id) { status } }", new { id = intentId });
            // An error of the subscription's source stream arrives as an execution result with errors and no data.
            var refused = await socket.ReceiveAsync();
            Assert.Equal("next", refused.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("payload").GetProperty("data").ValueKind);
            Assert.Equal("NOT_FOUND", refused.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        // A hash no node knows (after the grace period).
        await AssertRefusedAsync(creator, Creator.TrackCollection, Track("0x" + new string('2', 64)), "BAD_USER_INPUT", "input.txHash");

        // The prepared transaction, sent from another wallet.
        var copied = await other.SendAsync(With(txRequest, from: other.Address));
        await AssertRefusedAsync(creator, Creator.TrackCollection, Track(copied.TransactionHash), "BAD_USER_INPUT", "input.txHash");

        // The creator's own transaction to the factory, with other calldata (a view function, so it succeeds).
        var unrelated = await creator.SendAsync(With(txRequest, data: new ImplementationOfFunction { Standard = 0 }.GetCallData().ToHex(true)));
        await AssertRefusedAsync(creator, Creator.TrackCollection, Track(unrelated.TransactionHash), "BAD_USER_INPUT", "input.txHash");

        // A preview that is not the intent's.
        await AssertRefusedAsync(
            creator, Creator.TrackCollection, new { intentId, chainId = Creator.ChainId, txHash = unrelated.TransactionHash, previewAddress = other.Address },
            "BAD_USER_INPUT", "input.previewAddress");

        var intent = (await creator.PostAsync(Creator.Intent, new { id = intentId })).Field("intent");
        Assert.Equal("PREPARED", intent.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, intent.GetProperty("txHash").ValueKind);
    }

    private static async Task AssertRefusedAsync(Creator caller, string mutation, object input, string code, string field)
    {
        var reply = await caller.PostAsync(mutation, new { input });
        Assert.True(reply.ErrorCode == code, $"expected {code} on {field}, got {reply.Body}");
        var extensions = reply.Body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.True(extensions.TryGetProperty("field", out var named) && named.GetString() == field, $"expected field {field}, got {reply.Body}");
    }

    private static Dictionary<string, object?> Merge(object baseline, object changes)
    {
        var merged = JsonSerializer.SerializeToElement(baseline).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var property in JsonSerializer.SerializeToElement(changes).EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        return merged;
    }

    /// <summary>The transaction request with another sender, recipient or calldata (its gas is enough for each).</summary>
    private static JsonElement With(JsonElement txRequest, string? from = null, string? to = null, string? data = null)
    {
        var changed = txRequest.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        changed["from"] = from ?? txRequest.GetProperty("from").GetString();
        changed["to"] = to ?? txRequest.GetProperty("to").GetString();
        changed["data"] = data ?? txRequest.GetProperty("data").GetString();
        return JsonSerializer.SerializeToElement(changed);
    }
}
