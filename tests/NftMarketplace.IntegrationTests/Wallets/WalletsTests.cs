using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.IntegrationTests.Users;
using NftMarketplace.Modules.Auth.Contracts;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;

namespace NftMarketplace.IntegrationTests.Wallets;

/// <summary>Linking, the primary flag, unlinking and sign-in activity over real Postgres, RabbitMQ and HTTP.</summary>
public sealed class WalletsTests(InfrastructureFixture infrastructure) : UsersWalletsTest(infrastructure)
{
    private const string SetPrimary = "mutation($input: SetPrimaryWalletInput!) { setPrimaryWallet(input: $input) { id accountId isPrimary } }";

    private const string Unlink = "mutation($input: UnlinkWalletInput!) { unlinkWallet(input: $input) }";

    private const string MyWallets = "{ me { wallets { id accountId address chainId type connector isPrimary verifiedAt createdAt lastSeenAt } } }";

    [Fact]
    public async Task Linking_is_idempotent_the_first_link_is_primary_and_is_announced_once()
    {
        var userId = Guid.CreateVersion7();
        var account = NewAccount();

        var first = await SendAsync(new UpsertLink(userId, account, IsPrimary: false, WalletTypes.Eoa, "metamask"));
        var again = await SendAsync(new UpsertLink(userId, account, IsPrimary: false, WalletTypes.Eoa));

        Assert.Equal((true, true), (first.Linked, first.IsPrimary));
        Assert.Equal(new UpsertLinkResult(first.WalletId, Linked: false, IsPrimary: true), again);
        Assert.Equal(1, await OutboxCountAsync<WalletsDbContext>(WalletLinked.Schema, account.Value));
        Assert.Equal(0, await OutboxCountAsync<WalletsDbContext>(PrimaryWalletChanged.Schema, userId.ToString()));
        var wallet = Assert.Single(await SendAsync(new GetUserWallets(userId)));
        Assert.Equal((account.Value, account.Address!.Value.Value, "eip155:31337", "metamask"), (wallet.AccountId, wallet.Address, wallet.ChainId, wallet.Connector));
        Assert.NotNull(wallet.VerifiedAt);
        Assert.Equal(userId, await SendAsync(new FindWalletOwner(account)));
        Assert.Equal(userId, await SendAsync(new FindWalletOwner(AccountId.Create(ChainId.Eip155(1), account.Address!.Value))));
        Assert.Null(await SendAsync(new FindWalletOwner(NewAccount())));
    }

    [Fact]
    public async Task An_account_linked_to_another_user_is_a_CONFLICT_and_so_is_their_EOA_on_another_chain()
    {
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var account = NewAccount();
        await SendAsync(new UpsertLink(alice, account, IsPrimary: true, WalletTypes.Eoa));

        var same = await Assert.ThrowsAsync<AppException>(() => SendAsync(new UpsertLink(bob, account, IsPrimary: true, WalletTypes.Eoa)));
        var otherChain = await Assert.ThrowsAsync<AppException>(() =>
            SendAsync(new UpsertLink(bob, AccountId.Create(ChainId.Eip155(1), account.Address!.Value), IsPrimary: true, WalletTypes.Eoa)));
        var ownOtherChain = await SendAsync(new UpsertLink(alice, AccountId.Create(ChainId.Eip155(1), account.Address!.Value), IsPrimary: false, WalletTypes.Eoa));

        Assert.Equal((ErrorCode.Conflict, ErrorCode.Conflict), (same.Code, otherChain.Code));
        Assert.Equal((true, false), (ownOtherChain.Linked, ownOtherChain.IsPrimary));
        Assert.Empty(await SendAsync(new GetUserWallets(bob)));
    }

    [Fact]
    public async Task Concurrent_links_leave_exactly_one_primary_and_one_link_per_account()
    {
        var userId = Guid.CreateVersion7();
        var accounts = Enumerable.Range(0, 10).Select(_ => NewAccount()).ToList();
        var shared = NewAccount();

        var links = await Task.WhenAll(accounts.Select((account, i) => Task.Run(() => SendAsync(new UpsertLink(userId, account, IsPrimary: i % 2 == 0, WalletTypes.Eoa)))));
        var sameAccount = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SendAsync(new UpsertLink(userId, shared, IsPrimary: false, WalletTypes.Eoa)))));

        Assert.All(links, l => Assert.True(l.Linked));
        Assert.Single(sameAccount.Select(l => l.WalletId).Distinct());
        Assert.Single(sameAccount, l => l.Linked);
        Assert.Equal(1, await OutboxCountAsync<WalletsDbContext>(WalletLinked.Schema, shared.Value));
        var wallets = await SendAsync(new GetUserWallets(userId));
        Assert.Equal(11, wallets.Count);
        Assert.Single(wallets, w => w.IsPrimary);
        Assert.True(wallets[0].IsPrimary);
    }

    [Fact]
    public async Task A_later_link_marked_primary_takes_the_flag_and_announces_it()
    {
        var userId = Guid.CreateVersion7();
        var (first, second) = (NewAccount(), NewAccount());
        await SendAsync(new UpsertLink(userId, first, IsPrimary: true, WalletTypes.Eoa));

        var linked = await SendAsync(new UpsertLink(userId, second, IsPrimary: true, WalletTypes.Contract));
        var back = await SendAsync(new UpsertLink(userId, first, IsPrimary: true, WalletTypes.Eoa));

        Assert.Equal((true, true), (linked.Linked, linked.IsPrimary));
        Assert.Equal((false, true), (back.Linked, back.IsPrimary));
        Assert.Equal(first.Value, (await SendAsync(new GetUserWallets(userId)))[0].AccountId);
        Assert.Equal(2, await OutboxCountAsync<WalletsDbContext>(PrimaryWalletChanged.Schema, userId.ToString()));
    }

    [Fact]
    public async Task The_caller_sets_a_primary_wallet_of_their_own_and_nobody_elses()
    {
        var (alice, bob) = (await NewUserAsync(), await NewUserAsync());
        var (a1, a2, b1) = (NewAccount(), NewAccount(), NewAccount());
        await SendAsync(new UpsertLink(alice, a1, true, WalletTypes.Eoa));
        await SendAsync(new UpsertLink(alice, a2, false, WalletTypes.Eoa));
        await SendAsync(new UpsertLink(bob, b1, true, WalletTypes.Eoa));
        var aliceWallets = (await GraphQLAsync(MyWallets, user: alice)).Ok("me").GetProperty("wallets");
        var bobWallet = (await GraphQLAsync(MyWallets, user: bob)).Ok("me").GetProperty("wallets")[0].GetProperty("id").GetString();
        var a2Id = aliceWallets[1].GetProperty("id").GetString();

        var set = (await GraphQLAsync(SetPrimary, new { input = new { walletId = a2Id } }, alice)).Ok("setPrimaryWallet");
        var foreign = await GraphQLAsync(SetPrimary, new { input = new { walletId = bobWallet } }, alice);
        var notAWallet = await GraphQLAsync(SetPrimary, new { input = new { walletId = (await MeIdAsync(alice)) } }, alice);
        var malformed = await GraphQLAsync(SetPrimary, new { input = new { walletId = "not-an-id" } }, alice);
        var anonymous = await GraphQLAsync(SetPrimary, new { input = new { walletId = a2Id } });

        Assert.Equal([a2.Value, a1.Value], set.EnumerateArray().Select(w => w.GetProperty("accountId").GetString()));
        Assert.Equal([true, false], set.EnumerateArray().Select(w => w.GetProperty("isPrimary").GetBoolean()));
        Assert.Equal(("NOT_FOUND", "input.walletId"), (foreign.Code, foreign.Field));
        Assert.Equal("NOT_FOUND", notAWallet.Code);
        Assert.Equal(("BAD_USER_INPUT", "input.walletId"), (malformed.Code, malformed.Field));
        Assert.Equal("UNAUTHENTICATED", anonymous.Code);
        Assert.True((await SendAsync(new GetUserWallets(bob)))[0].IsPrimary);
        Assert.Equal(1, await OutboxCountAsync<WalletsDbContext>(PrimaryWalletChanged.Schema, a2.Value));
        await Eventually.Until(() => PrimaryAddressAsync(alice), a => a == a2.Address!.Value.Value, "Users to follow the new primary");
    }

    [Fact]
    public async Task Unlinking_keeps_the_last_wallet_and_hands_the_primary_flag_to_the_oldest_one_left()
    {
        var (alice, bob) = (await NewUserAsync(), await NewUserAsync());
        var (a1, a2, a3) = (NewAccount(), NewAccount(), NewAccount());
        foreach (var account in new[] { a1, a2, a3 })
        {
            await SendAsync(new UpsertLink(alice, account, false, WalletTypes.Eoa));
        }

        var ids = await WalletIdsAsync(alice);

        var foreign = await GraphQLAsync(Unlink, new { input = new { walletId = ids[a1.Value] } }, bob);
        var primaryGone = await GraphQLAsync(Unlink, new { input = new { walletId = ids[a1.Value] } }, alice);
        var afterFirst = await SendAsync(new GetUserWallets(alice));
        var secondGone = await GraphQLAsync(Unlink, new { input = new { walletId = ids[a2.Value] } }, alice);
        var last = await GraphQLAsync(Unlink, new { input = new { walletId = ids[a3.Value] } }, alice);
        var again = await GraphQLAsync(Unlink, new { input = new { walletId = ids[a1.Value] } }, alice);

        Assert.Equal(("NOT_FOUND", "input.walletId"), (foreign.Code, foreign.Field));
        Assert.True(primaryGone.Ok("unlinkWallet").GetBoolean());
        Assert.Equal([(a2.Value, true), (a3.Value, false)], afterFirst.Select(w => (w.AccountId, w.IsPrimary)));
        Assert.True(secondGone.Ok("unlinkWallet").GetBoolean());
        Assert.Equal(("CONFLICT", "input.walletId"), (last.Code, last.Field));
        Assert.Contains("only wallet", last.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", again.Code);
        Assert.Equal([(a3.Value, true)], (await SendAsync(new GetUserWallets(alice))).Select(w => (w.AccountId, w.IsPrimary)));
        Assert.Equal(1, await OutboxCountAsync<WalletsDbContext>(PrimaryWalletChanged.Schema, a2.Value));
        Assert.Equal(1, await OutboxCountAsync<WalletsDbContext>(PrimaryWalletChanged.Schema, a3.Value));
        await Eventually.Until(() => PrimaryAddressAsync(alice), a => a == a3.Address!.Value.Value, "Users to follow the last primary");
    }

    [Fact]
    public async Task A_sign_in_finds_its_user_through_live_links_only_so_an_unlinked_key_starts_a_new_user()
    {
        var key = NewAccount();
        var keyOnMainnet = AccountId.Create(ChainId.Eip155(1), key.Address!.Value);
        var first = await SendAsync(new LinkSignInAccount(key, WalletTypes.Eoa, Guid.CreateVersion7()));
        var again = await SendAsync(new LinkSignInAccount(key, WalletTypes.Eoa, Guid.CreateVersion7()));
        // The same key on another chain signs in as the same user, and is linked there too.
        var mainnet = await SendAsync(new LinkSignInAccount(keyOnMainnet, WalletTypes.Eoa, Guid.CreateVersion7()));
        var user = first.UserId;
        await SendAsync(new EnsureUser(user, key));
        await SendAsync(new UpsertLink(user, NewAccount(), IsPrimary: false, WalletTypes.Eoa));
        var ids = await WalletIdsAsync(user);

        Assert.True(ReplyOf(await GraphQLAsync(Unlink, new { input = new { walletId = ids[key.Value] } }, user)));
        var stillLinkedOnMainnet = await SendAsync(new LinkSignInAccount(key, WalletTypes.Eoa, Guid.CreateVersion7()));
        var relinkedIds = await WalletIdsAsync(user);
        Assert.True(ReplyOf(await GraphQLAsync(Unlink, new { input = new { walletId = relinkedIds[key.Value] } }, user)));
        Assert.True(ReplyOf(await GraphQLAsync(Unlink, new { input = new { walletId = relinkedIds[keyOnMainnet.Value] } }, user)));
        var candidates = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToList();
        var afterUnlink = await Task.WhenAll(candidates.Select(c => Task.Run(() => SendAsync(new LinkSignInAccount(key, WalletTypes.Eoa, c)))));

        Assert.Equal((true, false, false), (first.NewUser, again.NewUser, mainnet.NewUser));
        Assert.Equal([user, user], new[] { again.UserId, mainnet.UserId });
        Assert.Equal((user, false), (stillLinkedOnMainnet.UserId, stillLinkedOnMainnet.NewUser));
        var newUser = Assert.Single(afterUnlink.Select(l => l.UserId).Distinct());
        Assert.NotEqual(user, newUser);
        Assert.Contains(newUser, candidates);
        Assert.Single(afterUnlink, l => l.NewUser);
        Assert.Equal([(key.Value, true)], (await SendAsync(new GetUserWallets(newUser))).Select(w => (w.AccountId, w.IsPrimary)));
        Assert.DoesNotContain(await SendAsync(new GetUserWallets(user)), w => w.Address == key.Address!.Value.Value);
        // Three unlinks announced; only the last link of the address leaves it unlinked from the user on every chain.
        var unlinked = await QueryAsync<WalletsDbContext, List<string>>(db => db.OutboxMessages
            .Where(m => m.Schema == WalletUnlinked.Schema).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync(Ct));
        var ofKey = unlinked.Select(p => JsonDocument.Parse(p).RootElement)
            .Where(e => e.GetProperty("address").GetString() == key.Address!.Value.Value)
            .Select(e => (e.GetProperty("accountId").GetString(), e.GetProperty("userId").GetGuid(), e.GetProperty("addressStillLinked").GetBoolean()))
            .ToList();
        Assert.Equal([(key.Value, user, true), (key.Value, user, true), (keyOnMainnet.Value, user, false)], ofKey);
    }

    private static bool ReplyOf(GraphQLResult result) => result.Ok("unlinkWallet").GetBoolean();

    [Fact]
    public async Task User_wallets_are_loaded_for_every_user_of_a_response_and_private_details_only_for_their_owner()
    {
        var (alice, bob) = (await NewUserAsync(), await NewUserAsync());
        await SendAsync(new UpsertLink(alice, NewAccount(), true, WalletTypes.Eoa, "metamask"));
        await SendAsync(new UpsertLink(bob, NewAccount(), true, WalletTypes.Eoa, "rabby"));
        var ids = new[] { await MeIdAsync(alice), await MeIdAsync(bob) };

        var asAlice = (await GraphQLAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { wallets { connector isPrimary } } } }", new { ids }, alice)).Ok("nodes");

        Assert.Equal("metamask", asAlice[0].GetProperty("wallets")[0].GetProperty("connector").GetString());
        Assert.Equal(JsonValueKind.Null, asAlice[1].GetProperty("wallets")[0].GetProperty("connector").ValueKind);
        Assert.True(asAlice[1].GetProperty("wallets")[0].GetProperty("isPrimary").GetBoolean());
        var walletNode = (await GraphQLAsync(MyWallets, user: bob)).Ok("me").GetProperty("wallets")[0].GetProperty("id").GetString();
        var node = (await GraphQLAsync("query($id: ID!) { node(id: $id) { ... on Wallet { type } } }", new { id = walletNode })).Ok("node");
        Assert.Equal("eoa", node.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_sign_in_moves_last_seen_forward_once_per_event()
    {
        var userId = await NewUserAsync();
        var account = NewAccount();
        await SendAsync(new UpsertLink(userId, account, true, WalletTypes.Eoa));
        var signedIn = new UserLoggedIn(userId, Guid.CreateVersion7(), account.Value, account.Address!.Value.Value, "eip155:31337", "eip191")
        {
            OccurredAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };
        var earlier = signedIn with { EventId = Guid.CreateVersion7(), OccurredAt = signedIn.OccurredAt.AddDays(-1) };

        await PublishAsync(signedIn);
        await PublishAsync(signedIn);
        await PublishAsync(earlier);
        await Eventually.Until(() => ProcessedAsync<WalletsDbContext>(earlier.EventId), done => done, "the earlier sign-in behind the duplicate");

        var wallet = Assert.Single(await SendAsync(new GetUserWallets(userId)));
        Assert.Equal(signedIn.OccurredAt, wallet.LastSeenAt);
        Assert.Equal(1, await QueryAsync<WalletsDbContext, int>(db => db.ProcessedEvents.CountAsync(e => e.EventId == signedIn.EventId, Ct)));
        var shown = (await GraphQLAsync("{ me { wallets { lastSeenAt } } }", user: userId)).Ok("me");
        Assert.Equal("2030-01-02T03:04:05Z", shown.GetProperty("wallets")[0].GetProperty("lastSeenAt").GetString());
    }

    private async Task<string> MeIdAsync(Guid userId) => (await GraphQLAsync("{ me { id } }", user: userId)).Ok("me").GetProperty("id").GetString()!;

    private async Task<Dictionary<string, string>> WalletIdsAsync(Guid userId) =>
        (await GraphQLAsync(MyWallets, user: userId)).Ok("me").GetProperty("wallets").EnumerateArray()
            .ToDictionary(w => w.GetProperty("accountId").GetString()!, w => w.GetProperty("id").GetString()!);

    private Task<string?> PrimaryAddressAsync(Guid userId) =>
        QueryAsync<Modules.Users.Persistence.UsersDbContext, string?>(db => db.Users.Where(u => u.Id == userId).Select(u => u.PrimaryAddress).SingleAsync(Ct));
}
