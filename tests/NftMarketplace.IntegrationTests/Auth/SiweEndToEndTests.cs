using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nethereum.Signer;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>
/// Sign-in end to end over real HTTP against a running Host: a wallet key (EIP-191 personal_sign) signs in, reads
/// <c>me</c>, rotates its refresh token, gets caught reusing one, signs out; and every way a sign-in can be refused,
/// each with its <c>extensions.code</c> and its <c>login_events</c> reason.
/// </summary>
public sealed class SiweEndToEndTests(SiweHostFixture host) : IClassFixture<SiweHostFixture>, IDisposable
{
    private const string Me = "{ me { id wallets { address isPrimary type } sessions { current } } }";

    private readonly HttpClient _http = host.Http();

    private SiweClient Client => SignInHostFixture.Client(_http);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wallet_signs_in_reads_me_rotates_its_refresh_token_is_caught_reusing_one_and_signs_out()
    {
        var wallet = EthECKey.GenerateKey();

        var session = await Client.SignInAsync(wallet);

        var me = (await Client.PostAsync(Me, accessToken: session.AccessToken)).Field("me");
        Assert.Equal(session.UserId, me.GetProperty("id").GetString());
        var linked = Assert.Single(me.GetProperty("wallets").EnumerateArray());
        Assert.Equal(wallet.GetPublicAddress(), linked.GetProperty("address").GetString());
        Assert.True(linked.GetProperty("isPrimary").GetBoolean());
        Assert.True(Assert.Single(me.GetProperty("sessions").EnumerateArray()).GetProperty("current").GetBoolean());
        Assert.InRange(session.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));

        // Rotation: a new pair; the new refresh token works once more.
        var rotated = SiweClient.Session(await Client.RefreshAsync(session.RefreshToken), "refreshSession");
        Assert.NotEqual(session.RefreshToken, rotated.RefreshToken);
        Assert.Equal(session.UserId, rotated.UserId);
        Assert.Null((await Client.PostAsync(Me, accessToken: rotated.AccessToken)).ErrorCode);

        // Reuse detection: the first refresh token again ends the whole session, and every token of it.
        var reused = await Client.RefreshAsync(session.RefreshToken);
        Assert.Equal("UNAUTHENTICATED", reused.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.RefreshAsync(rotated.RefreshToken)).ErrorCode);
        var refused = await Client.PostAsync(Me, accessToken: rotated.AccessToken);
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (refused.Status, refused.ErrorCode));

        // A new sign-in is the same user; signing out refuses its tokens at once.
        var again = await Client.SignInAsync(wallet);
        Assert.Equal(session.UserId, again.UserId);
        Assert.True((await Client.PostAsync("mutation { signOut }", accessToken: again.AccessToken)).Field("signOut").GetBoolean());
        Assert.Equal("UNAUTHENTICATED", (await Client.PostAsync(Me, accessToken: again.AccessToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.RefreshAsync(again.RefreshToken)).ErrorCode);

        Assert.Equal(
            ["success", "success", "refresh_token_reused", "session_ended", "success", "session_ended"],
            await LoginResultsAsync(wallet, "sign_in", "refresh"));
    }

    [Fact]
    public async Task No_signature_token_or_nonce_reaches_the_logs()
    {
        var wallet = EthECKey.GenerateKey();
        var nonce = await Client.NonceAsync(wallet);
        var message = Client.Message(wallet, nonce);
        var signature = SiweClient.Sign(wallet, message);
        var session = SiweClient.Session(await Client.VerifyAsync(wallet, message, signature), "verifySiwe");
        var rotated = SiweClient.Session(await Client.RefreshAsync(session.RefreshToken), "refreshSession");
        // Refusals are logged too: replay the message and the rotated-away refresh token.
        await Client.VerifyAsync(wallet, message, signature);
        await Client.RefreshAsync(session.RefreshToken);

        var output = host.Host.Output;
        foreach (var secret in new[] { nonce, signature[2..], session.AccessToken, session.RefreshToken, rotated.AccessToken, rotated.RefreshToken })
        {
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Auth sign_in: nonce_used", output, StringComparison.Ordinal);
        Assert.Contains("Auth refresh: refresh_token_reused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_message_is_refused()
    {
        var wallet = EthECKey.GenerateKey();
        var message = Client.Message(wallet, await Client.NonceAsync(wallet));
        var signature = SiweClient.Sign(wallet, message);
        Assert.Null((await Client.VerifyAsync(wallet, message, signature)).ErrorCode);

        var replay = await Client.VerifyAsync(wallet, message, signature);

        Assert.Equal("UNAUTHENTICATED", replay.ErrorCode);
        Assert.Equal(["success", "nonce_used"], await LoginResultsAsync(wallet, "sign_in"));
    }

    [Fact]
    public async Task A_domain_that_is_not_allowed_is_refused_for_a_nonce_and_in_a_message()
    {
        var wallet = EthECKey.GenerateKey();

        var nonce = await Client.RequestNonceAsync(wallet, domainOverride: "evil.example");
        var message = Client.Message(wallet, await Client.NonceAsync(wallet), messageDomain: "evil.example");
        var verify = await Client.VerifyAsync(wallet, message, SiweClient.Sign(wallet, message));
        var foreignUri = Client.Message(wallet, await Client.NonceAsync(wallet), uri: "https://evil.example/login");
        var uriOfAnotherSite = await Client.VerifyAsync(wallet, foreignUri, SiweClient.Sign(wallet, foreignUri));

        Assert.Equal("FORBIDDEN", nonce.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", verify.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", uriOfAnotherSite.ErrorCode);
        Assert.Equal(["domain_not_allowed", "uri_not_of_domain"], await LoginResultsAsync(wallet, "sign_in"));
    }

    [Fact]
    public async Task A_message_for_another_chain_than_the_nonce_is_refused()
    {
        var wallet = EthECKey.GenerateKey();
        var nonce = await Client.NonceAsync(wallet);

        // Written for chain 1 while the account (and its nonce) are on 31337.
        var otherChain = Client.Message(wallet, nonce, messageChain: 1);
        var refused = await Client.VerifyAsync(wallet, otherChain, SiweClient.Sign(wallet, otherChain));
        // Claimed as a chain-1 account: the nonce was issued for the 31337 one.
        var accountOnOtherChain = await Client.VerifyAsync(wallet, otherChain, SiweClient.Sign(wallet, otherChain), accountChain: 1);

        Assert.Equal("UNAUTHENTICATED", refused.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", accountOnOtherChain.ErrorCode);
        Assert.Equal(["account_mismatch", "chain_not_enabled"], await LoginResultsAsync(wallet, "sign_in", chains: [SiweClientChains.Dev, 1]));
    }

    [Fact]
    public async Task A_disabled_chain_is_refused_before_and_after_the_nonce()
    {
        var admin = await Client.SignInAsync(host.Admin);
        var chainNumber = 900_000 + Random.Shared.Next(99_999);
        var chainId = $"eip155:{chainNumber}";
        Assert.Null((await Client.PostAsync(
            "mutation($input: AddChainInput!) { addChain(input: $input) { chainId } }",
            new { input = new { chainId, name = "Sign-in test chain", nativeSymbol = "TST" } },
            admin.AccessToken)).ErrorCode);
        var wallet = EthECKey.GenerateKey();
        var nonce = await Client.NonceAsync(wallet, chainOverride: chainNumber);
        var message = Client.Message(wallet, nonce, messageChain: chainNumber);

        Assert.Null((await Client.PostAsync(
            "mutation($input: DisableChainInput!) { disableChain(input: $input) { enabled } }", new { input = new { chainId } }, admin.AccessToken)).ErrorCode);
        var verify = await Client.VerifyAsync(wallet, message, SiweClient.Sign(wallet, message), accountChain: chainNumber);
        var anotherNonce = await Client.RequestNonceAsync(wallet, chainOverride: chainNumber);

        Assert.Equal("FORBIDDEN", verify.ErrorCode);
        Assert.Equal("FORBIDDEN", anotherNonce.ErrorCode);
        Assert.Equal(["chain_not_enabled"], await LoginResultsAsync(wallet, "sign_in", chains: [chainNumber]));
    }

    [Fact]
    public async Task A_tampered_message_and_a_bad_signature_are_refused()
    {
        var wallet = EthECKey.GenerateKey();
        var message = Client.Message(wallet, await Client.NonceAsync(wallet));
        var signature = SiweClient.Sign(wallet, message);

        var tampered = await Client.VerifyAsync(wallet, message.Replace("Sign in to", "Transfer everything to", StringComparison.Ordinal), signature);
        var otherSigner = await Client.VerifyAsync(wallet, message, SiweClient.Sign(EthECKey.GenerateKey(), message));
        var malformed = await Client.VerifyAsync(wallet, message, "0x1234");
        var notAMessage = await Client.VerifyAsync(wallet, "hello", signature);
        // The untouched message still signs in: refusals never consumed its nonce.
        var genuine = await Client.VerifyAsync(wallet, message, signature);

        Assert.Equal("UNAUTHENTICATED", tampered.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", otherSigner.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", malformed.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", notAMessage.ErrorCode);
        Assert.Null(genuine.ErrorCode);
        Assert.Equal(["bad_signature", "bad_signature", "bad_signature", "malformed_message", "success"], await LoginResultsAsync(wallet, "sign_in"));
    }

    [Fact]
    public async Task An_account_the_nonce_was_not_issued_for_is_refused()
    {
        var wallet = EthECKey.GenerateKey();
        var stranger = EthECKey.GenerateKey();
        var nonce = await Client.NonceAsync(wallet);

        // The stranger signs its own message with the wallet's nonce.
        var message = Client.Message(stranger, nonce);
        var refused = await Client.VerifyAsync(stranger, message, SiweClient.Sign(stranger, message));
        // An account on a chain the registry does not know.
        var unknownChain = await Client.PostAsync(SiweClient.SignInSiwe, new
        {
            input = new { accountId = SiweClient.AccountIdOf(stranger, 4_242_424), chainId = "eip155:4242424", domain = SiweClientChains.Domain },
        });
        // Not an account ID at all.
        var notAnAccount = await Client.PostAsync(SiweClient.VerifySiwe, new { input = new { accountId = "0xabc", message, signature = "0x00" } });

        Assert.Equal("UNAUTHENTICATED", refused.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", unknownChain.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", notAnAccount.ErrorCode);
        Assert.Equal(["nonce_unknown"], await LoginResultsAsync(stranger, "sign_in"));
    }

    [Fact]
    public async Task Fifty_concurrent_verifications_of_one_signed_message_open_exactly_one_session()
    {
        var wallet = EthECKey.GenerateKey();
        var message = Client.Message(wallet, await Client.NonceAsync(wallet));
        var signature = SiweClient.Sign(wallet, message);

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Client.VerifyAsync(wallet, message, signature)));

        Assert.Single(replies, r => r.ErrorCode is null);
        Assert.All(replies.Where(r => r.ErrorCode is not null), r => Assert.Equal("UNAUTHENTICATED", r.ErrorCode));
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM auth.sessions WHERE account_id = @account", SiweClient.AccountIdOf(wallet, SiweClientChains.Dev)));
    }

    [Fact]
    public async Task Twenty_parallel_first_sign_ins_of_one_address_make_one_user()
    {
        var wallet = EthECKey.GenerateKey();
        var messages = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            messages.Add(Client.Message(wallet, await Client.NonceAsync(wallet)));
        }

        var sessions = await Task.WhenAll(messages.Select(async m => SiweClient.Session(
            await Client.VerifyAsync(wallet, m, SiweClient.Sign(wallet, m)), "verifySiwe")));

        Assert.Single(sessions.Select(s => s.UserId).Distinct());
        Assert.Equal(20, sessions.Select(s => s.RefreshToken).Distinct().Count());
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM wallets.wallets WHERE account_id = @account", SiweClient.AccountIdOf(wallet, SiweClientChains.Dev)));
    }

    [Fact]
    public async Task Signing_out_closes_the_sessions_open_websocket()
    {
        var session = await Client.SignInAsync(EthECKey.GenerateKey());
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{host.Host.BaseAddress.Authority}/graphql"), Ct);
        await SendAsync(socket, new { type = "connection_init", payload = new { accessToken = session.AccessToken } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        Assert.True((await Client.PostAsync("mutation { signOut }", accessToken: session.AccessToken)).Field("signOut").GetBoolean());

        var buffer = new byte[1024];
        var closed = await socket.ReceiveAsync(buffer, Ct);
        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Equal(4403, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user()
    {
        var wallet = EthECKey.GenerateKey();
        var first = await Client.SignInAsync(wallet);
        var second = await Client.SignInAsync(wallet);

        Assert.True((await Client.PostAsync("mutation { signOutEverywhere }", accessToken: second.AccessToken)).Field("signOutEverywhere").GetBoolean());

        Assert.Equal("UNAUTHENTICATED", (await Client.PostAsync(Me, accessToken: first.AccessToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.RefreshAsync(first.RefreshToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.RefreshAsync(second.RefreshToken)).ErrorCode);
    }

    [Fact]
    public async Task A_second_address_links_with_its_own_signed_message_and_a_linked_one_signs_in_as_the_same_user()
    {
        var wallet = EthECKey.GenerateKey();
        var second = EthECKey.GenerateKey();
        var session = await Client.SignInAsync(wallet);
        var message = Client.Message(second, await Client.NonceAsync(second));
        const string LinkWallet = "mutation($input: LinkWalletInput!) { linkWallet(input: $input) { address isPrimary } }";

        var forged = await Client.PostAsync(LinkWallet, new
        {
            input = new { accountId = SiweClient.AccountIdOf(second, SiweClientChains.Dev), message, signature = SiweClient.Sign(wallet, message) },
        }, session.AccessToken);
        var linked = await Client.PostAsync(LinkWallet, new
        {
            input = new { accountId = SiweClient.AccountIdOf(second, SiweClientChains.Dev), message, signature = SiweClient.Sign(second, message) },
        }, session.AccessToken);
        var secondSession = await Client.SignInAsync(second);

        Assert.Equal("UNAUTHENTICATED", forged.ErrorCode);
        Assert.False(linked.Field("linkWallet").GetProperty("isPrimary").GetBoolean());
        Assert.Equal(session.UserId, secondSession.UserId);
        var wallets = (await Client.PostAsync(Me, accessToken: secondSession.AccessToken)).Field("me").GetProperty("wallets");
        Assert.Equal(2, wallets.GetArrayLength());
    }

    [Fact]
    public async Task An_unlinked_key_loses_its_access_and_signs_in_again_as_a_new_empty_user()
    {
        var keyY = EthECKey.GenerateKey();
        var keyX = EthECKey.GenerateKey();
        var ySession = await Client.SignInAsync(keyY);
        Assert.Null((await LinkAsync(keyX, ySession.AccessToken)).ErrorCode);
        var xSession = await Client.SignInAsync(keyX);
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        Assert.Null((await Client.PostAsync(
            "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }",
            new { input = new { username } }, xSession.AccessToken)).ErrorCode);
        using var ySocket = await OpenSocketAsync(ySession.AccessToken);
        var yWalletId = (await Client.PostAsync("{ me { wallets { id address } } }", accessToken: xSession.AccessToken)).Field("me")
            .GetProperty("wallets").EnumerateArray()
            .Single(w => w.GetProperty("address").GetString() == keyY.GetPublicAddress()).GetProperty("id").GetString();

        Assert.True((await Client.PostAsync(
            "mutation($input: UnlinkWalletInput!) { unlinkWallet(input: $input) }", new { input = new { walletId = yWalletId } },
            xSession.AccessToken)).Field("unlinkWallet").GetBoolean());

        // Y's session ends like a signed-out one: its socket is closed, its tokens refused; X's session stays.
        var closed = await ySocket.ReceiveAsync(new byte[1024], Ct);
        Assert.Equal((WebSocketMessageType.Close, 4403), (closed.MessageType, (int)ySocket.CloseStatus!));
        Assert.Equal("UNAUTHENTICATED", (await Client.PostAsync(Me, accessToken: ySession.AccessToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.RefreshAsync(ySession.RefreshToken)).ErrorCode);
        Assert.Null((await Client.PostAsync(Me, accessToken: xSession.AccessToken)).ErrorCode);
        // The socket closes just before the revocation commits.
        await Eventually.Until(
            () => ScalarAsync<object>("SELECT revoked_reason FROM auth.sessions WHERE account_id = @account", SiweClient.AccountIdOf(keyY, SiweClientChains.Dev)),
            reason => reason as string == "wallet_unlinked",
            "the session of Y revoked as wallet_unlinked");

        Assert.True((await Client.PostAsync("mutation { signOutEverywhere }", accessToken: xSession.AccessToken)).Field("signOutEverywhere").GetBoolean());
        var yAgain = await Client.SignInAsync(keyY);
        var xAgain = await Client.SignInAsync(keyX);

        Assert.NotEqual(ySession.UserId, yAgain.UserId);
        Assert.Equal(ySession.UserId, xAgain.UserId);
        var newUser = (await Client.PostAsync("{ me { id profile { username } wallets { address isPrimary } } }", accessToken: yAgain.AccessToken)).Field("me");
        Assert.Equal(JsonValueKind.Null, newUser.GetProperty("profile").GetProperty("username").ValueKind);
        Assert.Equal(
            [(keyY.GetPublicAddress(), true)],
            newUser.GetProperty("wallets").EnumerateArray().Select(w => (w.GetProperty("address").GetString(), w.GetProperty("isPrimary").GetBoolean())));
        var oldUser = (await Client.PostAsync("{ me { profile { username } wallets { address } } }", accessToken: xAgain.AccessToken)).Field("me");
        Assert.Equal(username, oldUser.GetProperty("profile").GetProperty("username").GetString());
        Assert.Equal([keyX.GetPublicAddress()], oldUser.GetProperty("wallets").EnumerateArray().Select(w => w.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task A_later_linked_wallet_that_is_unlinked_signs_in_as_a_new_user_and_only_its_sessions_end()
    {
        var first = EthECKey.GenerateKey();
        var later = EthECKey.GenerateKey();
        var firstSession = await Client.SignInAsync(first);
        Assert.Null((await LinkAsync(later, firstSession.AccessToken)).ErrorCode);
        var laterSession = await Client.SignInAsync(later);
        var laterWalletId = (await Client.PostAsync("{ me { wallets { id address } } }", accessToken: firstSession.AccessToken)).Field("me")
            .GetProperty("wallets").EnumerateArray()
            .Single(w => w.GetProperty("address").GetString() == later.GetPublicAddress()).GetProperty("id").GetString();

        Assert.True((await Client.PostAsync(
            "mutation($input: UnlinkWalletInput!) { unlinkWallet(input: $input) }", new { input = new { walletId = laterWalletId } },
            firstSession.AccessToken)).Field("unlinkWallet").GetBoolean());

        await Eventually.Until(
            () => Client.PostAsync(Me, accessToken: laterSession.AccessToken),
            reply => reply.ErrorCode == "UNAUTHENTICATED",
            "the unlinked wallet's session to end");
        Assert.Null((await Client.PostAsync(Me, accessToken: firstSession.AccessToken)).ErrorCode);
        Assert.NotEqual(firstSession.UserId, (await Client.SignInAsync(later)).UserId);
    }

    private Task<GraphQLReply> LinkAsync(EthECKey key, string accessToken) => LinkAsync(Client, key, accessToken);

    private static async Task<GraphQLReply> LinkAsync(SiweClient client, EthECKey key, string accessToken)
    {
        var message = client.Message(key, await client.NonceAsync(key));
        return await client.PostAsync(
            "mutation($input: LinkWalletInput!) { linkWallet(input: $input) { address } }",
            new { input = new { accountId = SiweClient.AccountIdOf(key, SiweClientChains.Dev), message, signature = SiweClient.Sign(key, message) } },
            accessToken);
    }

    private async Task<ClientWebSocket> OpenSocketAsync(string accessToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{host.Host.BaseAddress.Authority}/graphql"), Ct);
        await SendAsync(socket, new { type = "connection_init", payload = new { accessToken } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    public void Dispose() => _http.Dispose();

    private static async Task SendAsync(ClientWebSocket socket, object message) =>
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, Ct);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        var result = await socket.ReceiveAsync(buffer, Ct);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)).RootElement.Clone();
    }

    /// <summary>The audit's results for an address, oldest first.</summary>
    private async Task<List<string>> LoginResultsAsync(EthECKey wallet, string kind, string? otherKind = null, long[]? chains = null)
    {
        var accounts = (chains ?? [SiweClientChains.Dev]).Select(c => SiweClient.AccountIdOf(wallet, c)).ToArray();
        await using var connection = new NpgsqlConnection(host.Environment.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT e.result FROM auth.login_events e
            WHERE (e.kind = @kind OR e.kind = @otherKind)
              AND (e.account_id = ANY(@accounts) OR e.session_id IN (SELECT session_id FROM auth.sessions WHERE account_id = ANY(@accounts)))
            ORDER BY e.ts, e.id
            """, connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("otherKind", otherKind ?? kind);
        command.Parameters.AddWithValue("accounts", accounts);
        var results = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            results.Add(reader.GetString(0));
        }

        return results;
    }

    private async Task<T> ScalarAsync<T>(string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(host.Environment.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("account", parameter);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}

internal static class SiweClientChains
{
    public const long Dev = SmartContracts.TestChain.ChainId;

    public const string Domain = SignInHostFixture.Domain;
}
