using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// <c>signInSiwe</c> and <c>verifySiwe</c> over HTTP, as a frontend calls them. Requests are serialized up front and
/// answers checked without parsing, because the client shares the machine with the server it measures.
/// </summary>
internal sealed class SiweGraphQLClient(Uri graphQL) : IDisposable
{
    private const string SignInSiwe = "mutation($input: SignInSiweInput!) { signInSiwe(input: $input) { nonce } }";

    private const string VerifySiwe =
        "mutation($input: VerifySiweInput!) { verifySiwe(input: $input) { accessToken refreshToken expiresAt userId } }";

    private static readonly byte[] Errors = Encoding.UTF8.GetBytes("\"errors\"");
    private static readonly byte[] AccessToken = Encoding.UTF8.GetBytes("\"accessToken\"");
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = CreateHttpClient();

    /// <returns>The nonce, or null with the GraphQL errors as <paramref name="error"/>.</returns>
    public async Task<(string? Nonce, string? Error)> TryRequestNonceAsync(string accountId)
    {
        var body = Request(SignInSiwe, new { accountId, chainId = SignedSiweMessage.ChainId, domain = SignedSiweMessage.Domain });
        var (_, answer) = await PostAsync(body);
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("signInSiwe", out var payload) && payload.ValueKind == JsonValueKind.Object)
            {
                return (payload.GetProperty("nonce").GetString(), null);
            }
        }
        catch (JsonException)
        {
            // Not GraphQL at all: the text itself is the best explanation.
        }

        return (null, Encoding.UTF8.GetString(answer));
    }

    /// <summary>The serialized <c>verifySiwe</c> request for <paramref name="signed"/>.</summary>
    public static byte[] VerifyRequest(SignedSiweMessage signed) =>
        Request(VerifySiwe, new { accountId = signed.AccountId, message = signed.Message, signature = signed.SignatureHex });

    /// <exception cref="InvalidOperationException">The answer is not a session.</exception>
    public async Task VerifyAsync(byte[] request)
    {
        var (status, answer) = await PostAsync(request);
        if (status != HttpStatusCode.OK || answer.AsSpan().IndexOf(Errors) >= 0 || answer.AsSpan().IndexOf(AccessToken) < 0)
        {
            throw new InvalidOperationException("verifySiwe did not sign in: " + Encoding.UTF8.GetString(answer));
        }
    }

    public void Dispose() => _http.Dispose();

    private static byte[] Request(string query, object input) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables = new { input } });

    /// <remarks>GraphQL over HTTP answers refusals with 4xx as well, and its body says why: the caller judges both.</remarks>
    private async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(graphQL, content);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static HttpClient CreateHttpClient()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        http.DefaultRequestHeaders.UserAgent.ParseAdd("nft-bench-siwe/1.0");
        return http;
    }
}
