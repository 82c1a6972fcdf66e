using System.Globalization;
using System.Text.Json;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Orchestration;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.IntegrationTests.Journeys;

/// <summary>
/// The product's whole path, as a creator's frontend walks it against one real Host: sign in, upload an image, pin token
/// metadata, create a collection, mint it, see both intents reach READY over a WebSocket, and browse the minted tokens
/// with their owners, traits and OpenRarity ranks — every step through the public GraphQL contract only.
/// </summary>
public sealed class CreatorJourneyTests(IntentsHostFixture host) : IClassFixture<IntentsHostFixture>, IDisposable
{
    private const string OnCollectionStatus =
        "subscription($id: ID!) { onCollectionStatus(intentId: $id) { intentId status txHash address error } }";

    private const string OnMintStatus =
        "subscription($id: ID!) { onMintStatus(intentId: $id) { intentId status txHash contract tokenIds error } }";

    private const string Token = """
        query($chainId: ChainId!, $contract: Address!, $tokenId: BigInt!) { token(chainId: $chainId, contract: $contract, tokenId: $tokenId) {
          id tokenId standard owner supply tokenUri name description imageUrl metadataStatus metadataErrorCode
          attributes { traitType value displayType } rarity { score rank method } mintedBlock
          collection { address } balances(first: 5) { edges { node { owner quantity } } } } }
        """;

    private const string Collection = """
        query($chainId: ChainId!, $address: Address!) { collection(chainId: $chainId, address: $address) {
          id address standard name symbol creator royaltyReceiver royaltyBps totalMinted indexStatus
          stats { itemsCount ownersCount }
          traits { name valueType values { value count frequency } }
          byRarity: tokens(first: 10, orderBy: RARITY_RANK_ASC) { edges { node { tokenId rarity { rank } } } }
          red: tokens(first: 10, filter: { traits: [{ name: "background", values: ["RED"] }] }) { edges { node { tokenId } } }
          activity(first: 10) { edges { node { type tokenId from to } } } } }
        """;

    // Four tokens over two string traits (and a numeric one OpenRarity leaves out): tokens 2, 3 and 4 each have one unique value.
    private static readonly (string Background, string Eyes)[] Traits =
    [
        ("Red", "Round"),
        ("Red", "Narrow"),
        ("Blue", "Round"),
        ("Gold", "Round"),
    ];

    private readonly HttpClient _http = host.Http();

    [Fact]
    public async Task A_creator_signs_in_mints_a_collection_and_browses_its_tokens_with_traits_and_rarity()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var image = await creator.UploadImageAsync();
        var uris = new List<string>();
        for (var i = 0; i < Traits.Length; i++)
        {
            var json = JsonSerializer.Serialize(new
            {
                name = $"Journey #{i + 1}",
                description = "Minted by the journey test.",
                image = $"ipfs://{image}",
                attributes = new object[]
                {
                    new { trait_type = "Background", value = Traits[i].Background },
                    new { trait_type = "Eyes", value = Traits[i].Eyes },
                    new { trait_type = "Level", value = i + 1, display_type = "number" },
                },
            });
            var pinned = (await creator.PostAsync("mutation($json: String!) { pinMetadata(input: {json: $json}) { uri } }", new { json })).Field("pinMetadata");
            uris.Add(pinned.GetProperty("uri").GetString()!);
        }

        using var socket = await WsClient.ConnectAsync(host.WebSocketUri, creator.AccessToken);

        // Create the collection and watch it to READY.
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new
            {
                chainId = Creator.ChainId, standard = "ERC721", name = "Journey", symbol = "JRNY", description = "A whole path.",
                imageCid = image, royaltyReceiver = creator.Address, royaltyBps = 500,
            },
        })).Field("prepareCreateCollection");
        var preview = prepared.GetProperty("previewAddress").GetString()!;
        await socket.SubscribeAsync("c", OnCollectionStatus, new { id = Creator.Id(prepared) });
        var created = await creator.SendAsync(prepared.GetProperty("txRequest"));
        Assert.True(created.Succeeded());
        (await creator.PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId = Creator.Id(prepared), chainId = Creator.ChainId, txHash = created.TransactionHash },
        })).Field("trackCollectionTx");
        var collectionReady = await UntilStatusAsync(socket, "c", "READY");
        Assert.Equal(preview, collectionReady.GetProperty("address").GetString());
        var contract = preview;

        // Mint four tokens in one transaction and watch that to READY.
        var mint = (await creator.PostAsync(Creator.PrepareMint721, new
        {
            input = new { chainId = Creator.ChainId, contract, items = uris.Select(uri => new { uri }).ToArray() },
        })).Field("prepareMint721");
        await socket.SubscribeAsync("m", OnMintStatus, new { id = Creator.Id(mint) });
        var minted = await creator.SendAsync(mint.GetProperty("txRequest"));
        Assert.True(minted.Succeeded());
        await IntentSteps.TrackMintAsync(creator, Creator.Id(mint), minted.TransactionHash, contract);
        var mintReady = await UntilStatusAsync(socket, "m", "READY");
        Assert.Equal(["1", "2", "3", "4"], mintReady.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));

        // READY means the catalog shows the tokens: owner and supply at once; metadata and rarity once fetched and ranked.
        var expected = OpenRarityRanker.Rank(Traits.Select(t => (IReadOnlyList<RarityTrait>)[new("Background", t.Background), new("Eyes", t.Eyes)]).ToList());
        for (var i = 0; i < Traits.Length; i++)
        {
            var tokenId = (i + 1).ToString(CultureInfo.InvariantCulture);
            var token = (await Eventually.Until(
                () => creator.PostAsync(Token, new { chainId = Creator.ChainId, contract, tokenId }),
                r => r.ErrorCode is null && r.Data.GetProperty("token") is { ValueKind: JsonValueKind.Object } t
                    && t.GetProperty("metadataStatus").GetString() != "NONE" && t.GetProperty("rarity").ValueKind == JsonValueKind.Object,
                $"token {tokenId} with metadata and rarity")).Field("token");
            Assert.Equal("OK", token.GetProperty("metadataStatus").GetString());
            Assert.Equal(creator.Address, token.GetProperty("owner").GetString(), ignoreCase: true);
            Assert.Equal("1", token.GetProperty("supply").GetString());
            Assert.Equal(uris[i], token.GetProperty("tokenUri").GetString());
            Assert.Equal($"Journey #{i + 1}", token.GetProperty("name").GetString());
            Assert.Equal(contract, token.GetProperty("collection").GetProperty("address").GetString(), ignoreCase: true);
            Assert.Equal(
                [("Background", Traits[i].Background), ("Eyes", Traits[i].Eyes), ("Level", (i + 1).ToString(CultureInfo.InvariantCulture))],
                token.GetProperty("attributes").EnumerateArray().Select(a => (a.GetProperty("traitType").GetString()!, a.GetProperty("value").GetString()!)));
            var balance = Assert.Single(token.GetProperty("balances").GetProperty("edges").EnumerateArray()).GetProperty("node");
            Assert.Equal(creator.Address, balance.GetProperty("owner").GetString(), ignoreCase: true);
            Assert.Equal(expected[i].Rank, token.GetProperty("rarity").GetProperty("rank").GetInt32());
            Assert.Equal(expected[i].Score, token.GetProperty("rarity").GetProperty("score").GetDouble(), 9);
        }

        var collection = (await creator.PostAsync(Collection, new { chainId = Creator.ChainId, address = contract })).Field("collection");
        Assert.Equal("Journey", collection.GetProperty("name").GetString());
        Assert.Equal(creator.Address, collection.GetProperty("creator").GetString(), ignoreCase: true);
        Assert.Equal(500, collection.GetProperty("royaltyBps").GetInt32());
        Assert.Equal("4", collection.GetProperty("totalMinted").GetString());
        Assert.Equal(4, collection.GetProperty("stats").GetProperty("itemsCount").GetInt32());
        Assert.Equal(1, collection.GetProperty("stats").GetProperty("ownersCount").GetInt32());
        var background = collection.GetProperty("traits").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Background");
        Assert.Equal("string", background.GetProperty("valueType").GetString());
        Assert.Equal(
            [("Blue", 1), ("Gold", 1), ("Red", 2)],
            background.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32())).OrderBy(v => v.Item1, StringComparer.Ordinal));
        var byRarity = collection.GetProperty("byRarity").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("tokenId").GetString()!).ToList();
        Assert.Equal(
            Enumerable.Range(0, Traits.Length).OrderBy(i => expected[i].Rank).ThenBy(i => i).Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)),
            byRarity);
        Assert.Equal(["1", "2"], collection.GetProperty("red").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("tokenId").GetString()!));
        var activity = collection.GetProperty("activity").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(4, activity.Count);
        Assert.All(activity, a => Assert.Equal("MINT", a.GetProperty("type").GetString()));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Reads operation <paramref name="id"/>'s frames until one has <paramref name="status"/>; a FAILED or EXPIRED one fails the test.</summary>
    private static async Task<JsonElement> UntilStatusAsync(WsClient socket, string id, string status)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (message.GetProperty("id").GetString() != id)
            {
                continue;
            }

            Assert.True(message.GetProperty("type").GetString() == "next", $"expected next, got {message}");
            var update = message.GetProperty("payload").GetProperty("data").EnumerateObject().Single().Value;
            var current = update.GetProperty("status").GetString();
            Assert.False(current is "FAILED" or "EXPIRED", $"intent went {current}: {update}");
            if (current == status)
            {
                return update;
            }
        }
    }
}
