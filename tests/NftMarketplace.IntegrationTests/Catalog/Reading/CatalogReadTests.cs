using System.Text.Json;
using NftMarketplace.BuildingBlocks.Ethereum;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.Modules.Catalog.Reading;
using static NftMarketplace.IntegrationTests.Catalog.Reading.CatalogSeed;

namespace NftMarketplace.IntegrationTests.Catalog.Reading;

/// <summary>The catalog's queries over real HTTP against seeded tables: every field, filter, order, page edge and refusal.</summary>
public sealed class CatalogReadTests(InfrastructureFixture infrastructure) : CatalogReadTest(infrastructure)
{
    private const string TokenFields = """
        id chainId contract tokenId standard owner supply tokenUri name description imageUrl animationUrl
        attributes { traitType value displayType } metadataStatus metadataErrorCode metadataError rarity { score rank method }
        mintedAt mintedBlock flags { spam nsfw frozen reason } collection { slug }
        """;

    private const string Tokens = """
        query($c: ChainId!, $a: Address!, $first: Int, $after: String, $filter: TokenFilter, $order: TokenOrder, $flagged: Boolean) {
          collection(chainId: $c, address: $a) {
            tokens(first: $first, after: $after, filter: $filter, orderBy: $order, includeFlagged: $flagged) {
              edges { cursor node { tokenId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } } }
        """;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ExecuteAsync(CatalogSeed.Sql);
        // Every test seeds the same addresses into a database of its own, but all share one Redis: a new read version
        // keeps pages another test cached out of this one.
        await Server.Services.GetRequiredService<CatalogReadVersion>().BumpAsync(Chain, [Art, Items]);
    }

    [Fact]
    public async Task A_collection_shows_every_field_its_stats_and_traits_and_is_a_node()
    {
        var collection = (await GraphQLAsync("""
            query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) {
              id chainId address standard name symbol slug description imageUrl bannerUrl creator royaltyReceiver royaltyBps maxSupply totalMinted
              deployedBlock indexStatus stats { itemsCount ownersCount floorPrice volume salesCount }
              traits { name valueType displayType values { value count frequency } } } }
            """, new { c = Chain, a = Art })).Ok("collection");

        Assert.Equal(
            $$$"""{"chainId":"eip155:31337","address":"{{{Cs(Art)}}}","standard":"ERC721","name":"Art","symbol":"ART","slug":"art","description":"Pictures","imageUrl":"https://img/art.png","bannerUrl":"https://img/banner.png","creator":"{{{Cs(Creator)}}}","royaltyReceiver":"{{{Cs(Creator)}}}","royaltyBps":250,"maxSupply":"10000","totalMinted":"6","deployedBlock":"5","indexStatus":"LIVE","stats":{"itemsCount":5,"ownersCount":2,"floorPrice":null,"volume":"0","salesCount":0},"traits":[{"name":"Background","valueType":"string","displayType":null,"values":[{"value":"Blue","count":2,"frequency":0.4},{"value":"Red","count":2,"frequency":0.4},{"value":"Green","count":1,"frequency":0.2}]},{"name":"Hat","valueType":"string","displayType":null,"values":[{"value":"Crown","count":3,"frequency":0.6},{"value":"Cap","count":2,"frequency":0.4}]},{"name":"Level","valueType":"number","displayType":"number","values":[]}]}""",
            Without(collection, "id"));

        var node = (await GraphQLAsync("query($id: ID!) { node(id: $id) { id ... on Collection { slug } } }", new { id = collection.GetProperty("id").GetString() })).Ok("node");
        Assert.Equal(("art", collection.GetProperty("id").GetString()), (node.GetProperty("slug").GetString(), node.GetProperty("id").GetString()));

        var items = (await GraphQLAsync(
            "query($c: ChainId) { collections(chainId: $c, first: 1) { edges { node { slug stats { floorPrice volume salesCount } } } pageInfo { hasNextPage endCursor } totalCount } }",
            new { c = Chain })).Ok("collections");
        Assert.Equal(("items", "7", "100", 2, 2, true), (
            items.GetProperty("edges")[0].GetProperty("node").GetProperty("slug").GetString(),
            items.GetProperty("edges")[0].GetProperty("node").GetProperty("stats").GetProperty("floorPrice").GetString(),
            items.GetProperty("edges")[0].GetProperty("node").GetProperty("stats").GetProperty("volume").GetString(),
            items.GetProperty("edges")[0].GetProperty("node").GetProperty("stats").GetProperty("salesCount").GetInt32(),
            items.GetProperty("totalCount").GetInt32(),
            items.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        var next = (await GraphQLAsync("query($after: String) { collections(first: 5, after: $after) { edges { node { slug } } pageInfo { hasNextPage } } }",
            new { after = items.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).Ok("collections");
        Assert.Equal("art", Assert.Single(next.GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("slug").GetString());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var byCreator = (await GraphQLAsync("query($c: Address) { collections(creator: $c) { edges { node { slug } } } }", new { c = Creator })).Ok("collections");
        Assert.Equal("art", Assert.Single(byCreator.GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_token_shows_its_chain_state_metadata_rarity_flags_holders_and_activity()
    {
        var one = (await GraphQLAsync(
            $"query($c: ChainId!, $a: Address!) {{ token(chainId: $c, contract: $a, tokenId: \"1\") {{ {TokenFields} balances {{ edges {{ node {{ owner quantity }} }} totalCount }} "
            + "activity { edges { node { id type chainId contract tokenId from to quantity price txHash blockNumber logIndex timestamp } } totalCount } } }",
            new { c = Chain, a = Art })).Ok("token");
        Assert.Equal(
            $$$"""{"chainId":"eip155:31337","contract":"{{{Cs(Art)}}}","tokenId":"1","standard":"ERC721","owner":"{{{Cs(Alice)}}}","supply":"1","tokenUri":"ipfs://one","name":"One","description":"The first","imageUrl":"https://img/1.png","animationUrl":"https://img/1.mp4","attributes":[{"traitType":"Background","value":"Blue","displayType":null},{"traitType":"Hat","value":"Cap","displayType":null},{"traitType":"Level","value":"5","displayType":"number"}],"metadataStatus":"OK","metadataErrorCode":null,"metadataError":null,"rarity":{"score":0.9,"rank":3,"method":"openrarity"},"mintedAt":"2026-01-10T00:00:00Z","mintedBlock":"10","flags":{"spam":false,"nsfw":false,"frozen":false,"reason":null},"collection":{"slug":"art"},"balances":{"edges":[{"node":{"owner":"{{{Cs(Alice)}}}","quantity":"1"}}],"totalCount":1},"activity":{"edges":[{"node":{"id":"eip155:31337/{{{Tx(1)}}}/0/0","type":"MINT","chainId":"eip155:31337","contract":"{{{Cs(Art)}}}","tokenId":"1","from":"0x0000000000000000000000000000000000000000","to":"{{{Cs(Alice)}}}","quantity":"1","price":null,"txHash":"{{{Tx(1)}}}","blockNumber":"10","logIndex":0,"timestamp":"2026-01-02T00:00:00Z"}}],"totalCount":1}}""",
            Without(one, "id"));
        var node = (await GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Token { tokenId name } } }", new { id = one.GetProperty("id").GetString() })).Ok("node");
        Assert.Equal(("1", "One"), (node.GetProperty("tokenId").GetString(), node.GetProperty("name").GetString()));

        // No metadata document yet: NONE, no attributes; not ranked yet: no rarity. A failed fetch says why.
        var six = (await GraphQLAsync($"query($c: ChainId!, $a: Address!) {{ token(chainId: $c, contract: $a, tokenId: \"6\") {{ {TokenFields} }} }}", new { c = Chain, a = Art })).Ok("token");
        Assert.Equal(("NONE", 0, JsonValueKind.Null, JsonValueKind.Null), (six.GetProperty("metadataStatus").GetString(), six.GetProperty("attributes").GetArrayLength(),
            six.GetProperty("rarity").ValueKind, six.GetProperty("tokenUri").ValueKind));
        var three = (await GraphQLAsync("query($c: ChainId!, $a: Address!) { token(chainId: $c, contract: $a, tokenId: \"3\") { metadataStatus metadataErrorCode metadataError } }",
            new { c = Chain, a = Art })).Ok("token");
        Assert.Equal(("FAILED", "INVALID_JSON", "Unexpected end of document"),
            (three.GetProperty("metadataStatus").GetString(), three.GetProperty("metadataErrorCode").GetString(), three.GetProperty("metadataError").GetString()));
        var burned = (await GraphQLAsync("query($c: ChainId!, $a: Address!) { token(chainId: $c, contract: $a, tokenId: \"5\") { owner supply activity(types: [BURN]) { edges { node { type } } } } }",
            new { c = Chain, a = Art })).Ok("token");
        Assert.Equal((JsonValueKind.Null, "0", "BURN"), (burned.GetProperty("owner").ValueKind, burned.GetProperty("supply").GetString(),
            burned.GetProperty("activity").GetProperty("edges")[0].GetProperty("node").GetProperty("type").GetString()));

        // ERC-1155: no single owner; holders by address, paged.
        const string Holders = "query($c: ChainId!, $a: Address!, $after: String) { token(chainId: $c, contract: $a, tokenId: \"7\") { owner supply standard "
            + "balances(first: 2, after: $after) { edges { node { owner quantity } } pageInfo { hasNextPage endCursor } totalCount } } }";
        var seven = (await GraphQLAsync(Holders, new { c = Chain, a = Items })).Ok("token");
        Assert.Equal((JsonValueKind.Null, "9", "ERC1155", 3, true), (seven.GetProperty("owner").ValueKind, seven.GetProperty("supply").GetString(), seven.GetProperty("standard").GetString(),
            seven.GetProperty("balances").GetProperty("totalCount").GetInt32(), seven.GetProperty("balances").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        // By address: Bob's (…0b0b) before Alice's (…a11ce) before Carol's (…ca401).
        Assert.Equal(["3", "5"], seven.GetProperty("balances").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("quantity").GetString()));
        var rest = (await GraphQLAsync(Holders, new { c = Chain, a = Items, after = seven.GetProperty("balances").GetProperty("pageInfo").GetProperty("endCursor").GetString() })).Ok("token");
        Assert.Equal(["1"], rest.GetProperty("balances").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("quantity").GetString()));
        Assert.False(rest.GetProperty("balances").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Collection_tokens_filter_by_traits_numbers_and_owner_in_each_order_leaving_out_burned_and_flagged_ones()
    {
        async Task<List<string>> Ids(object filter, string order = "TOKEN_ID_ASC", bool flagged = false) =>
            TokenIds((await GraphQLAsync(Tokens, new { c = Chain, a = Art, filter, order, flagged })).Ok("collection").GetProperty("tokens"));

        var none = new { };
        Assert.Equal(["1", "2", "3", "6"], await Ids(none));
        Assert.Equal(["1", "2", "3", "4", "6"], await Ids(none, flagged: true));
        Assert.Equal(["6", "3", "2", "1"], await Ids(none, "TOKEN_ID_DESC"));
        Assert.Equal(["2", "3", "1", "6"], await Ids(none, "RARITY_RANK_ASC"));
        Assert.Equal(["6", "3", "2", "1"], await Ids(none, "MINTED_AT_DESC"));
        // OR within a trait, AND across traits; names and values as traits group them.
        Assert.Equal(["3", "6"], await Ids(new { traits = new object[] { new { name = "Background", values = new[] { "Blue", "red" } }, new { name = "HAT", values = new[] { "crown" } } } }));
        Assert.Equal(["1", "3"], await Ids(new { traits = new object[] { new { name = " background ", values = new[] { "  BLUE" } } } }));
        Assert.Equal(["3", "1"], await Ids(new { traits = new object[] { new { name = "Background", values = new[] { "Blue" } } } }, "RARITY_RANK_ASC"));
        // Numeric ranges are inclusive at both ends; a token without the trait is out.
        Assert.Equal(["1", "3"], await Ids(new { numericTraits = new object[] { new { name = "Level", min = 5.0, max = 7.0 } } }));
        Assert.Equal(["2", "3"], await Ids(new { numericTraits = new object[] { new { name = "level", min = 7.0 } } }));
        Assert.Equal(["1"], await Ids(new { numericTraits = new object[] { new { name = "Level", max = 5.0 } } }));
        Assert.Equal(["1", "3", "6"], await Ids(new { owner = Alice }));
        Assert.Equal(["2"], await Ids(new { owner = Bob }));
        Assert.Equal(["4"], await Ids(new { owner = Bob, traits = new object[] { new { name = "Hat", values = new[] { "Crown" } } } }, flagged: true));
        Assert.Empty(await Ids(new { traits = new object[] { new { name = "Background", values = new[] { "Purple" } } } }));

        var counted = (await GraphQLAsync(Tokens, new { c = Chain, a = Art, filter = new { owner = Alice } })).Ok("collection").GetProperty("tokens");
        Assert.Equal(3, counted.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Pages_follow_their_cursors_stay_put_under_inserts_and_refuse_what_is_no_cursor_of_theirs()
    {
        async Task<JsonElement> PageAsync(int? first, string? after, string order = "TOKEN_ID_ASC") =>
            (await GraphQLAsync(Tokens, new { c = Chain, a = Art, first, after, order })).Ok("collection").GetProperty("tokens");

        foreach (var (order, expected) in new[] { ("TOKEN_ID_ASC", "1,2,3,6"), ("TOKEN_ID_DESC", "6,3,2,1"), ("RARITY_RANK_ASC", "2,3,1,6"), ("MINTED_AT_DESC", "6,3,2,1") })
        {
            var first = await PageAsync(2, null, order);
            var second = await PageAsync(2, first.GetProperty("pageInfo").GetProperty("endCursor").GetString(), order);
            var last = await PageAsync(2, second.GetProperty("pageInfo").GetProperty("endCursor").GetString(), order);
            Assert.Equal(expected, string.Join(',', TokenIds(first).Concat(TokenIds(second))));
            Assert.Equal((true, false, false, true), (first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
                first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean(), second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
                second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()));
            // After the last item: an empty page, not an error, not the start again.
            Assert.Empty(TokenIds(last));
            Assert.Equal((false, JsonValueKind.Null), (last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), last.GetProperty("pageInfo").GetProperty("endCursor").ValueKind));
        }

        // Tokens inserted before the cursor do not shift the next page.
        var page = await PageAsync(2, null);
        await ExecuteAsync($"""
            INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, created_at, updated_at)
            VALUES ('{Chain}', '{Art}', 0, 'erc721', '{Carol}', 1, false, now(), now())
            """);
        Assert.Equal(["3", "6"], TokenIds(await PageAsync(2, page.GetProperty("pageInfo").GetProperty("endCursor").GetString())));

        // first: 0 is an empty page that says more follow.
        var empty = await PageAsync(0, null);
        Assert.Equal((0, true), (empty.GetProperty("edges").GetArrayLength(), empty.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));

        var rarityCursor = (await PageAsync(1, null, "RARITY_RANK_ASC")).GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var activityCursor = (await GraphQLAsync("query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) { activity(first: 1) { pageInfo { endCursor } } } }",
            new { c = Chain, a = Art })).Ok("collection").GetProperty("activity").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var collectionsCursor = (await GraphQLAsync("{ collections(first: 1) { pageInfo { endCursor } } }")).Ok("collections").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        foreach (var (query, variables) in new (string, object)[]
        {
            (Tokens, new { c = Chain, a = Art, after = rarityCursor }),
            (Tokens, new { c = Chain, a = Art, after = activityCursor }),
            (Tokens, new { c = Chain, a = Art, after = "not a cursor" }),
            (Tokens, new { c = Chain, a = Art, first = 101 }),
            (Tokens, new { c = Chain, a = Art, first = -1 }),
            ("query($after: String) { collections(after: $after) { totalCount } }", new { after = activityCursor }),
            ("query($a: Address!, $after: String) { tokensOf(owner: $a, after: $after) { totalCount } }", new { a = Alice, after = collectionsCursor }),
            ("query($a: Address!) { tokensOf(owner: $a, first: 101) { totalCount } }", new { a = Alice }),
            ("query($c: ChainId!, $a: Address!, $after: String) { collection(chainId: $c, address: $a) { activity(after: $after) { totalCount } } }",
                new { c = Chain, a = Art, after = rarityCursor }),
            ("query($c: ChainId!, $a: Address!) { token(chainId: $c, contract: $a, tokenId: \"1\") { balances(first: 101) { totalCount } } }", new { c = Chain, a = Art }),
            ("query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) { tokens(filter: { numericTraits: [{ name: \"Level\", min: 3, max: 2 }] }) { totalCount } } }",
                new { c = Chain, a = Art }),
            ("query($c: ChainId!, $a: Address!) { token(chainId: $c, contract: $a, tokenId: \"-1\") { name } }", new { c = Chain, a = Art }),
        })
        {
            var refused = await GraphQLAsync(query, variables);
            Assert.True(refused.Code == "BAD_USER_INPUT", $"{query} {JsonSerializer.Serialize(variables)}: {refused}");
        }
    }

    [Fact]
    public async Task Unknown_collections_and_tokens_are_not_found_as_an_unknown_chain_is()
    {
        var chain = await GraphQLAsync("{ chain(id: \"eip155:999999\") { name } }");
        var collection = await GraphQLAsync("query($c: ChainId!, $a: Address!) { collection(chainId: $c, address: $a) { name } }",
            new { c = Chain, a = "0xd000000000000000000000000000000000000004" });
        var token = await GraphQLAsync("query($c: ChainId!, $a: Address!) { token(chainId: $c, contract: $a, tokenId: \"99\") { name } }", new { c = Chain, a = Art });
        var otherChain = await GraphQLAsync("query($a: Address!) { token(chainId: \"eip155:1\", contract: $a, tokenId: \"1\") { name } }", new { a = Art });

        Assert.Equal("NOT_FOUND", chain.Code);
        foreach (var (result, field) in new[] { (collection, "collection"), (token, "token"), (otherChain, "token") })
        {
            Assert.Equal((chain.Status, "NOT_FOUND", JsonValueKind.Null), (result.Status, result.Code, result.Data.GetProperty(field).ValueKind));
        }

        var node = (await GraphQLAsync("query($id: ID!) { node(id: $id) { id } }",
            new { id = GlobalId.Encode("Token", $"{Chain}:{Art}:99") })).Ok("node");
        Assert.Equal(JsonValueKind.Null, node.ValueKind);
    }

    [Fact]
    public async Task Admins_flag_tokens_which_leave_lists_at_once_and_tokens_of_an_owner_list_what_it_holds()
    {
        const string Flag = "mutation($input: SetTokenFlagsInput!) { setTokenFlags(input: $input) { tokenId flags { spam nsfw frozen reason } } }";
        var input = new { chainId = Chain, contract = Art, tokenId = "1", nsfw = true, reason = "explicit" };
        Assert.Equal(["1", "2", "3", "6"], TokenIds((await GraphQLAsync(Tokens, new { c = Chain, a = Art })).Ok("collection").GetProperty("tokens")));

        Assert.Equal("UNAUTHENTICATED", (await GraphQLAsync(Flag, new { input })).Code);
        Assert.Equal("FORBIDDEN", (await GraphQLAsync(Flag, new { input }, UserToken)).Code);
        Assert.Equal("NOT_FOUND", (await GraphQLAsync(Flag, new { input = input with { tokenId = "99" } }, AdminToken)).Code);
        var noReason = await GraphQLAsync(Flag, new { input = input with { reason = "  " } }, AdminToken);
        Assert.Equal(("BAD_USER_INPUT", "input.reason"), (noReason.Code, noReason.Field));
        var flagged = (await GraphQLAsync(Flag, new { input }, AdminToken)).Ok("setTokenFlags");
        Assert.Equal("""{"tokenId":"1","flags":{"spam":false,"nsfw":true,"frozen":false,"reason":"explicit"}}""", flagged.GetRawText());

        // The page cached before the flag is not served again: the collection's read version moved.
        Assert.Equal(["2", "3", "6"], TokenIds((await GraphQLAsync(Tokens, new { c = Chain, a = Art })).Ok("collection").GetProperty("tokens")));
        Assert.Equal(["1", "2", "3", "4", "6"], TokenIds((await GraphQLAsync(Tokens, new { c = Chain, a = Art, flagged = true })).Ok("collection").GetProperty("tokens")));
        const string Of = "query($o: Address!, $c: ChainId, $flagged: Boolean) { tokensOf(owner: $o, chainId: $c, includeFlagged: $flagged) { edges { node { contract tokenId } } totalCount } }";
        Assert.Equal(["3", "6", "7"], TokenIds((await GraphQLAsync(Of, new { o = Alice })).Ok("tokensOf")));
        Assert.Equal(["1", "3", "6", "7"], TokenIds((await GraphQLAsync(Of, new { o = Alice, flagged = true })).Ok("tokensOf")));
        Assert.Equal(3, (await GraphQLAsync(Of, new { o = Alice })).Ok("tokensOf").GetProperty("totalCount").GetInt32());
        Assert.Empty(TokenIds((await GraphQLAsync(Of, new { o = Alice, c = "eip155:1" })).Ok("tokensOf")));

        // Clearing the flag (the others keep their value) brings the token back.
        var cleared = (await GraphQLAsync(Flag, new { input = new { chainId = Chain, contract = Art, tokenId = "1", nsfw = false, frozen = true, reason = "reviewed" } }, AdminToken)).Ok("setTokenFlags");
        Assert.Equal("""{"tokenId":"1","flags":{"spam":false,"nsfw":false,"frozen":true,"reason":"reviewed"}}""", cleared.GetRawText());
        Assert.Equal(["1", "2", "3", "6"], TokenIds((await GraphQLAsync(Tokens, new { c = Chain, a = Art })).Ok("collection").GetProperty("tokens")));
    }

    /// <summary>An address as the API shows it (EIP-55).</summary>
    private static string Cs(string address) => Address.Parse(address).ToChecksumString();

    /// <summary>The object's JSON without <paramref name="field"/> (ids are opaque).</summary>
    private static string Without(JsonElement element, string field) =>
        JsonSerializer.Serialize(element.EnumerateObject().Where(p => p.Name != field).ToDictionary(p => p.Name, p => p.Value));
}
