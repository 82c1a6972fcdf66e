using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.Benchmarks.Indexer;
using NftMarketplace.Benchmarks.Siwe;

namespace NftMarketplace.Benchmarks.Intents;

/// <summary>
/// A creator as a frontend and its wallet act: a fresh key funded with <c>anvil_setBalance</c>, signed in with SIWE,
/// GraphQL over HTTP with its session, and prepared transactions signed and sent by the wallet (nonces counted
/// locally, so several may wait in the pool of a chain that does not mine on its own).
/// </summary>
internal sealed class BenchCreator : IDisposable
{
    public const string PrepareCollection = """
        mutation($input: PrepareCreateCollectionInput!) { prepareCreateCollection(input: $input) {
          intent { id } txRequest { from to data value gas maxFeePerGas maxPriorityFeePerGas } previewAddress } }
        """;

    public const string PrepareMint721 = """
        mutation($input: PrepareMint721Input!) { prepareMint721(input: $input) {
          intent { id } txRequest { from to data value gas maxFeePerGas maxPriorityFeePerGas } } }
        """;

    public const string TrackCollection = "mutation($input: TrackCollectionTxInput!) { trackCollectionTx(input: $input) { id status } }";

    public const string TrackMint = "mutation($input: TrackMintTxInput!) { trackMintTx(input: $input) { id status } }";

    private const string SignInSiwe = "mutation($input: SignInSiweInput!) { signInSiwe(input: $input) { nonce } }";

    private const string VerifySiwe = "mutation($input: VerifySiweInput!) { verifySiwe(input: $input) { accessToken } }";

    private readonly HttpClient _http;
    private readonly Web3 _web3;

    private BenchCreator(HttpClient http, Web3 web3, string accessToken)
    {
        _http = http;
        _web3 = web3;
        AccessToken = accessToken;
    }

    public string AccessToken { get; }

    public string Address => _web3.TransactionManager.Account.Address;

    public static string ChainId => SignedSiweMessage.ChainId;

    public static async Task<BenchCreator> SignInAsync(Uri host, BenchAnvil anvil)
    {
        var key = EthECKey.GenerateKey();
        var account = new Account(key, BenchAnvil.ChainNumber);
        var web3 = new Web3(account, anvil.Rpc.ToString());
        account.NonceService = new InMemoryNonceService(account.Address, web3.Client);
        await anvil.RpcAsync("anvil_setBalance", account.Address, new HexBigInteger(BigInteger.Pow(10, 20)).HexValue);

        var http = new HttpClient { BaseAddress = host };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        try
        {
            var anonymous = new BenchCreator(http, web3, "");
            var nonce = (await anonymous.PostAsync(SignInSiwe, new
            {
                input = new { accountId = SignedSiweMessage.AccountIdOf(key), chainId = ChainId, domain = SignedSiweMessage.Domain },
            })).GetProperty("signInSiwe").GetProperty("nonce").GetString()!;
            var signed = SignedSiweMessage.Create(key, nonce, DateTimeOffset.UtcNow);
            var session = await anonymous.PostAsync(VerifySiwe, new
            {
                input = new { accountId = signed.AccountId, message = signed.Message, signature = signed.SignatureHex },
            });
            return new BenchCreator(http, web3, session.GetProperty("verifySiwe").GetProperty("accessToken").GetString()!);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The operation's <c>data</c>; GraphQL errors throw with the answer.</summary>
    public async Task<JsonElement> PostAsync(string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (AccessToken.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("errors", out _) || !document.RootElement.TryGetProperty("data", out var data))
        {
            throw new InvalidOperationException($"GraphQL refused {query.Split('(')[0].Trim()}…: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return data.Clone();
    }

    /// <summary>Signs and sends the prepared transaction as a wallet does (its gas and fees); its hash, mined or not.</summary>
    public Task<string> SendAsync(JsonElement txRequest) => _web3.Eth.TransactionManager.SendTransactionAsync(new TransactionInput
    {
        From = txRequest.GetProperty("from").GetString(),
        To = txRequest.GetProperty("to").GetString(),
        Data = txRequest.GetProperty("data").GetString(),
        Value = new HexBigInteger(BigInteger.Parse(txRequest.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)),
        Gas = Quantity(txRequest, "gas"),
        MaxFeePerGas = Quantity(txRequest, "maxFeePerGas"),
        MaxPriorityFeePerGas = Quantity(txRequest, "maxPriorityFeePerGas"),
    });

    public void Dispose() => _http.Dispose();

    private static HexBigInteger? Quantity(JsonElement txRequest, string name) =>
        txRequest.GetProperty(name).ValueKind == JsonValueKind.String
            ? new HexBigInteger(BigInteger.Parse(txRequest.GetProperty(name).GetString()!, CultureInfo.InvariantCulture))
            : null;
}
