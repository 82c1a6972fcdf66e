using System.Net;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.IntegrationTests.Users;

/// <summary>Users over real Postgres, RabbitMQ and HTTP: sign-up, profiles and the primary address kept from Wallets' events.</summary>
public sealed class UsersTests(InfrastructureFixture infrastructure) : UsersWalletsTest(infrastructure)
{
    private const string Me = "{ me { id status createdAt primaryAddress profile { username displayName avatarUrl bannerUrl bio locale timezone socials { twitter github discord telegram instagram website } } wallets { accountId isPrimary } } }";

    private const string UpdateProfile = """
        mutation($input: UpdateProfileInput!) {
          updateProfile(input: $input) { id profile { username displayName avatarUrl bannerUrl bio locale timezone socials { twitter github website } } }
        }
        """;

    [Fact]
    public async Task EnsureUser_creates_a_user_once_however_many_first_sign_ins_race()
    {
        var account = NewAccount();
        var id = Guid.CreateVersion7();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SendAsync(new EnsureUser(id, account)))));
        var again = await SendAsync(new EnsureUser(id, account));

        var userId = Assert.Single(results.Select(r => r.UserId).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.Equal(new EnsureUserResult(userId, Created: false), again);
        Assert.Equal(1, await QueryAsync<UsersDbContext, int>(db => db.Users.CountAsync(u => u.SignupAccountId == account.Value, Ct)));
        Assert.Equal(1, await QueryAsync<UsersDbContext, int>(db => db.Profiles.CountAsync(p => p.UserId == userId, Ct)));
        Assert.Equal(1, await OutboxCountAsync<UsersDbContext>(UserCreated.Schema, userId.ToString()));

        var user = await SendAsync(new GetUser(userId));
        Assert.Equal((userId, UserStatuses.Active, (string?)null), (user!.Id, user.Status, user.PrimaryAddress));
        Assert.Null(await SendAsync(new GetUser(Guid.CreateVersion7())));
    }

    [Fact]
    public async Task Me_needs_a_session_and_shows_the_callers_user_with_an_empty_profile()
    {
        var userId = await NewUserAsync();

        var anonymous = await GraphQLAsync(Me);
        var me = (await GraphQLAsync(Me, user: userId)).Ok("me");
        var nobody = (await GraphQLAsync(Me, user: Guid.CreateVersion7())).Ok("me");

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, anonymous.Code));
        Assert.Equal("active", me.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("profile").GetProperty("username").ValueKind);
        Assert.Empty(me.GetProperty("wallets").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, nobody.ValueKind);

        var node = (await GraphQLAsync("query($id: ID!) { node(id: $id) { ... on User { status } } }", new { id = me.GetProperty("id").GetString() })).Ok("node");
        Assert.Equal("active", node.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_profile_is_updated_field_by_field_cleared_with_empty_strings_and_found_by_username_in_any_case()
    {
        var userId = await NewUserAsync();

        var first = (await GraphQLAsync(UpdateProfile, new
        {
            input = new
            {
                username = "Ada_Lovelace",
                displayName = "  Ada 🦊  ",
                avatarUrl = "https://cdn.example/ada.png",
                bio = "Analyst\nof engines",
                locale = "en-gb",
                timezone = "Europe/London",
                socials = new { twitter = "@ada", github = "ada-l", website = "https://ada.example" },
            },
        }, userId)).Ok("updateProfile").GetProperty("profile");
        var second = (await GraphQLAsync(UpdateProfile, new { input = new { displayName = "", locale = (string?)null, bannerUrl = "https://cdn.example/b.png" } }, userId))
            .Ok("updateProfile").GetProperty("profile");
        var found = (await GraphQLAsync("{ user(username: \"ADA_LOVELACE\") { id profile { username } } }")).Ok("user");
        var unknown = await GraphQLAsync("{ user(username: \"nobody_here\") { id } }");
        // A NUL cannot be in Postgres text: it must not reach the query (the fuzz test found INTERNAL here).
        var impossible = await GraphQLAsync("{ user(username: \"\\u0000\") { id } }");

        Assert.Equal(("Ada_Lovelace", "Ada 🦊", "en-GB", "Europe/London"), (Text(first, "username"), Text(first, "displayName"), Text(first, "locale"), Text(first, "timezone")));
        Assert.Equal(("ada", "ada-l", "https://ada.example"), (Text(first.GetProperty("socials"), "twitter"), Text(first.GetProperty("socials"), "github"), Text(first.GetProperty("socials"), "website")));
        Assert.Equal((null, "en-GB", "https://cdn.example/b.png", "Analyst\nof engines"), (Text(second, "displayName"), Text(second, "locale"), Text(second, "bannerUrl"), Text(second, "bio")));
        Assert.Equal("Ada_Lovelace", found.GetProperty("profile").GetProperty("username").GetString());
        Assert.Equal(("NOT_FOUND", JsonNull), (unknown.Code, unknown.Data.GetProperty("user").ValueKind));
        Assert.Equal("NOT_FOUND", impossible.Code);
    }

    [Theory]
    [InlineData("username", "no")]
    [InlineData("username", "has-hyphen")]
    [InlineData("displayName", "line\nbreak")]
    [InlineData("avatarUrl", "http://example.com/a.png")]
    [InlineData("avatarUrl", "http://127.0.0.1:8080/a.png")]
    [InlineData("bannerUrl", "https://2130706433/b.png")]
    [InlineData("bannerUrl", "https://10.0.0.7/b.png")]
    [InlineData("bannerUrl", "not a url")]
    [InlineData("bio", "\u0007bell")]
    [InlineData("locale", "xx-QQ")]
    [InlineData("timezone", "Not/AZone")]
    public async Task Each_invalid_field_is_BAD_USER_INPUT_naming_it(string field, string value)
    {
        var userId = await NewUserAsync();

        var result = await GraphQLAsync(UpdateProfile, new { input = new Dictionary<string, string> { [field] = value } }, userId);

        Assert.Equal(("BAD_USER_INPUT", "input." + field), (result.Code, result.Field));
    }

    [Fact]
    public async Task Invalid_handles_name_their_social_network_and_the_username_cannot_be_cleared()
    {
        var userId = await NewUserAsync();

        var twitter = await GraphQLAsync(UpdateProfile, new { input = new { socials = new { twitter = "far_too_long_for_x" } } }, userId);
        var website = await GraphQLAsync(UpdateProfile, new { input = new { socials = new { website = "ftp://files.example" } } }, userId);
        var cleared = await GraphQLAsync(UpdateProfile, new { input = new { username = "" } }, userId);

        Assert.Equal(("BAD_USER_INPUT", "input.socials.twitter"), (twitter.Code, twitter.Field));
        Assert.Equal(("BAD_USER_INPUT", "input.socials.website"), (website.Code, website.Field));
        Assert.Equal(("BAD_USER_INPUT", "input.username"), (cleared.Code, cleared.Field));
    }

    [Fact]
    public async Task Updating_a_profile_needs_a_session()
    {
        var result = await GraphQLAsync(UpdateProfile, new { input = new { bio = "hi" } });

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (result.Status, result.Code));
    }

    [Fact]
    public async Task A_username_is_unique_ignoring_case_even_when_users_race_for_it()
    {
        var (alice, bob) = (await NewUserAsync(), await NewUserAsync());
        (await GraphQLAsync(UpdateProfile, new { input = new { username = "Satoshi" } }, alice)).Ok("updateProfile");

        var taken = await GraphQLAsync(UpdateProfile, new { input = new { username = "satoshi" } }, bob);
        var ownRecase = await GraphQLAsync(UpdateProfile, new { input = new { username = "SATOSHI" } }, alice);

        Assert.Equal(("CONFLICT", "input.username"), (taken.Code, taken.Field));
        Assert.Equal("SATOSHI", ownRecase.Ok("updateProfile").GetProperty("profile").GetProperty("username").GetString());

        var racers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NewUserAsync()));
        var results = await Task.WhenAll(racers.Select((racer, i) =>
            GraphQLAsync(UpdateProfile, new { input = new { username = i % 2 == 0 ? "Nakamoto" : "nakamoto" } }, racer)));

        Assert.Single(results, r => !r.HasErrors);
        Assert.All(results.Where(r => r.HasErrors), r => Assert.Equal(("CONFLICT", "input.username"), (r.Code, r.Field)));
    }

    [Fact]
    public async Task The_primary_address_follows_wallets_events_once_each_and_never_back_in_time()
    {
        var first = NewAccount();
        var userId = (await SendAsync(new EnsureUser(Guid.CreateVersion7(), first))).UserId;
        await SendAsync(new UpsertLink(userId, first, IsPrimary: true, WalletTypes.Eoa));
        await Eventually.Until(() => PrimaryAddressAsync(userId), a => a == first.Address!.Value.Value, "the first wallet to be primary");

        var second = NewAccount();
        await SendAsync(new UpsertLink(userId, second, IsPrimary: true, WalletTypes.Eoa));
        await Eventually.Until(() => PrimaryAddressAsync(userId), a => a == second.Address!.Value.Value, "the second wallet to be primary");

        // A late, older event (say, a retry) and a redelivered one change nothing.
        var stale = new PrimaryWalletChanged(Guid.CreateVersion7(), userId, first.Value) { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5) };
        await PublishAsync(stale);
        await PublishAsync(stale);
        var marker = new PrimaryWalletChanged(Guid.CreateVersion7(), Guid.CreateVersion7(), NewAccount().Value);
        await PublishAsync(marker);
        await Eventually.Until(() => ProcessedAsync<UsersDbContext>(marker.EventId), done => done, "the marker behind the stale events");

        Assert.Equal(second.Address!.Value.Value, await PrimaryAddressAsync(userId));
        Assert.Equal(1, await QueryAsync<UsersDbContext, int>(db => db.ProcessedEvents.CountAsync(e => e.EventId == stale.EventId, Ct)));
        var shown = (await GraphQLAsync("{ me { primaryAddress wallets { isPrimary } } }", user: userId)).Ok("me");
        Assert.Equal(second.Address!.Value.ToChecksumString(), shown.GetProperty("primaryAddress").GetString());
    }

    private Task<string?> PrimaryAddressAsync(Guid userId) =>
        QueryAsync<UsersDbContext, string?>(db => db.Users.Where(u => u.Id == userId).Select(u => u.PrimaryAddress).SingleAsync(Ct));

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private static string? Text(System.Text.Json.JsonElement element, string property) => element.GetProperty(property).GetString();
}
