using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nethereum.Signer;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>A GraphQL response: HTTP status, <c>data</c> and the first error's <c>extensions.code</c>, if any.</summary>
internal sealed record GraphQLReply(HttpStatusCode Status, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    /// <summary>The <c>Retry-After</c> header, when the response has one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The first error's <c>extensions.retryAfter</c> (seconds), if any.</summary>
    public int? RetryAfterHint =>
        Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        && errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("retryAfter", out var seconds)
            ? seconds.GetInt32()
            : null;

    public string? ErrorCode =>
        Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        && errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    public string? ErrorMessage =>
        Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? errors[0].GetProperty("message").GetString() : null;

    public JsonElement Field(string name) =>
        ErrorCode is null ? Data.GetProperty(name) : throw new InvalidOperationException($"{name} failed: {ErrorCode} {ErrorMessage} ({Body})");
}

/// <summary>The tokens of a signed-in session.</summary>
internal sealed record SignedIn(string AccessToken, string RefreshToken, string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// What a frontend does for Sign-In with Ethereum, over real HTTP: asks for a nonce, writes the EIP-4361 message
/// itself (as siwe-js would), signs it with the wallet's key (EIP-191 personal_sign) and sends it back.
/// </summary>
internal sealed class SiweClient(HttpClient http, string domain, long chainNumber)
{
    public const string SignInSiwe = "mutation($input: SignInSiweInput!) { signInSiwe(input: $input) { nonce } }";

    public const string VerifySiwe =
        "mutation($input: VerifySiweInput!) { verifySiwe(input: $input) { accessToken refreshToken expiresAt userId } }";

    public const string RefreshSession =
        "mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken expiresAt userId } }";

    public string Domain => domain;

    public long ChainNumber => chainNumber;

    public static string AccountIdOf(EthECKey key, long chainNumber) => AccountIdOf(key.GetPublicAddress(), chainNumber);

    public static string AccountIdOf(string address, long chainNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"eip155:{chainNumber}:{address.ToLowerInvariant()}");

    public async Task<GraphQLReply> PostAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        request.Headers.UserAgent.ParseAdd("siwe-e2e/1.0");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return new GraphQLReply(response.StatusCode, body) { RetryAfter = response.Headers.RetryAfter?.Delta };
    }

    public Task<GraphQLReply> RequestNonceAsync(EthECKey key, string? domainOverride = null, long? chainOverride = null) =>
        RequestNonceAsync(key.GetPublicAddress(), domainOverride, chainOverride);

    public Task<GraphQLReply> RequestNonceAsync(string address, string? domainOverride = null, long? chainOverride = null)
    {
        var chain = chainOverride ?? chainNumber;
        return PostAsync(SignInSiwe, new
        {
            input = new { accountId = AccountIdOf(address, chain), chainId = $"eip155:{chain}", domain = domainOverride ?? domain },
        });
    }

    public Task<string> NonceAsync(EthECKey key, long? chainOverride = null) => NonceAsync(key.GetPublicAddress(), chainOverride);

    public async Task<string> NonceAsync(string address, long? chainOverride = null) =>
        (await RequestNonceAsync(address, chainOverride: chainOverride)).Field("signInSiwe").GetProperty("nonce").GetString()!;

    /// <summary>An EIP-4361 message as a frontend writes it, issued now and valid for ten minutes unless told otherwise.</summary>
    public string Message(
        EthECKey key, string nonce, string? messageDomain = null, long? messageChain = null, string? uri = null,
        DateTimeOffset? issuedAt = null, DateTimeOffset? expirationTime = null) =>
        Message(key.GetPublicAddress(), nonce, messageDomain, messageChain, uri, issuedAt, expirationTime);

    /// <param name="address">EIP-55, as wallets write it.</param>
    public string Message(
        string address, string nonce, string? messageDomain = null, long? messageChain = null, string? uri = null,
        DateTimeOffset? issuedAt = null, DateTimeOffset? expirationTime = null)
    {
        var issued = issuedAt ?? DateTimeOffset.UtcNow;
        var expires = expirationTime ?? issued.AddMinutes(10);
        var host = messageDomain ?? domain;
        return string.Create(CultureInfo.InvariantCulture, $"""
            {host} wants you to sign in with your Ethereum account:
            {address}

            Sign in to the NFT marketplace.

            URI: {uri ?? "https://" + host + "/login"}
            Version: 1
            Chain ID: {messageChain ?? chainNumber}
            Nonce: {nonce}
            Issued At: {issued.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}
            Expiration Time: {expires.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}
            """).ReplaceLineEndings("\n");
    }

    public static string Sign(EthECKey key, string message) => new EthereumMessageSigner().EncodeUTF8AndSign(message, key);

    public Task<GraphQLReply> VerifyAsync(EthECKey key, string message, string signature, long? accountChain = null) =>
        VerifyAsync(key.GetPublicAddress(), message, signature, accountChain);

    public Task<GraphQLReply> VerifyAsync(string address, string message, string signature, long? accountChain = null) =>
        PostAsync(VerifySiwe, new { input = new { accountId = AccountIdOf(address, accountChain ?? chainNumber), message, signature } });

    /// <summary>The whole flow: nonce, message, signature, session.</summary>
    public async Task<SignedIn> SignInAsync(EthECKey key)
    {
        var message = Message(key, await NonceAsync(key));
        return Session(await VerifyAsync(key, message, Sign(key, message)), "verifySiwe");
    }

    public async Task<GraphQLReply> RefreshAsync(string refreshToken) =>
        await PostAsync(RefreshSession, new { input = new { refreshToken } });

    public static SignedIn Session(GraphQLReply reply, string field)
    {
        var payload = reply.Field(field);
        return new SignedIn(
            payload.GetProperty("accessToken").GetString()!,
            payload.GetProperty("refreshToken").GetString()!,
            payload.GetProperty("userId").GetString()!,
            payload.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
