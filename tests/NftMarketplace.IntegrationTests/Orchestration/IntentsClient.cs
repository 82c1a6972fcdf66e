using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NetVips;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.IntegrationTests.Auth;
using NftMarketplace.IntegrationTests.Media;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>A signed-in creator with a funded key of its own: what a frontend and its wallet do with intents.</summary>
internal sealed class Creator(EthECKey key, Web3 web3, string accessToken, SiweClient client, HttpClient http)
{
    public const string ChainId = "eip155:31337";

    public const string PrepareCollection = """
        mutation($input: PrepareCreateCollectionInput!) { prepareCreateCollection(input: $input) {
          intent { id kind status chainId txHash previewAddress contract tokenIds error deadlineAt createdAt updatedAt }
          txRequest { chainId from to data value gas maxFeePerGas maxPriorityFeePerGas } previewAddress } }
        """;

    public const string PrepareMint721 = """
        mutation($input: PrepareMint721Input!) { prepareMint721(input: $input) {
          intent { id kind status chainId contract deadlineAt } txRequest { chainId from to data value gas maxFeePerGas maxPriorityFeePerGas } } }
        """;

    public const string PrepareMint1155 = """
        mutation($input: PrepareMint1155Input!) { prepareMint1155(input: $input) {
          intent { id kind status chainId contract deadlineAt } txRequest { chainId from to data value gas maxFeePerGas maxPriorityFeePerGas } } }
        """;

    public const string TrackCollection = """
        mutation($input: TrackCollectionTxInput!) { trackCollectionTx(input: $input) { id status txHash previewAddress contract error } }
        """;

    public const string TrackMint = """
        mutation($input: TrackMintTxInput!) { trackMintTx(input: $input) { id status txHash contract tokenIds error } }
        """;

    public const string Intent = "query($id: ID!) { intent(id: $id) { id kind status txHash previewAddress contract tokenIds error } }";

    public EthECKey Key => key;

    public Web3 Web3 => web3;

    public string Address => web3.TransactionManager.Account.Address;

    public string AccessToken => accessToken;

    public static async Task<Creator> SignInAsync(SignInHostFixture fixture, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var key = EthECKey.GenerateKey();
        var web3 = new Web3(new Account(key, TestChain.ChainId), fixture.ChainRpcUri.ToString());
        await web3.Client.SendRequestAsync<object>("anvil_setBalance", null, web3.TransactionManager.Account.Address, new HexBigInteger(BigInteger.Pow(10, 20)).HexValue);
        var client = SiweHostFixture.Client(http);
        var session = await client.SignInAsync(key);
        return new Creator(key, web3, session.AccessToken, client, http);
    }

    /// <summary>The same creator (key, session) talking to another Host of the deployment.</summary>
    public Creator On(HttpClient other) => new(key, web3, accessToken, SignInHostFixture.Client(other), other);

    public Task<GraphQLReply> PostAsync(string query, object? variables = null) => client.PostAsync(query, variables, accessToken);

    public async Task<string> UploadImageAsync()
    {
        using var image = Image.Black(24, 24, bands: 3) + new[] { (double)Random.Shared.Next(256), Random.Shared.Next(256), Random.Shared.Next(256) };
        var (_, body) = await new MediaClient(http).UploadAsync(accessToken, ("cover.png", image.WriteToBuffer(".png")));
        return body.GetProperty("data").GetProperty("uploadMedia").GetProperty("assets")[0].GetProperty("cid").GetString()!;
    }

    /// <summary>Sends the prepared transaction as a wallet would (its gas and fees, when given) and waits until it is mined.</summary>
    public async Task<TransactionReceipt> SendAsync(JsonElement txRequest)
    {
        var input = Input(txRequest);
        // Bounded: a transaction that is never mined fails the test instead of hanging it.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        return await web3.Eth.TransactionManager.SendTransactionAndWaitForReceiptAsync(input, patience.Token);
    }

    /// <summary>Sends the prepared transaction and returns its hash at once, mined or not.</summary>
    public Task<string> SendOnlyAsync(JsonElement txRequest) => web3.Eth.TransactionManager.SendTransactionAsync(Input(txRequest));

    private static TransactionInput Input(JsonElement txRequest) => new()
    {
        From = txRequest.GetProperty("from").GetString(),
        To = txRequest.GetProperty("to").GetString(),
        Data = txRequest.GetProperty("data").GetString(),
        Value = new HexBigInteger(BigInteger.Parse(txRequest.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)),
        Gas = Quantity(txRequest, "gas"),
        MaxFeePerGas = Quantity(txRequest, "maxFeePerGas"),
        MaxPriorityFeePerGas = Quantity(txRequest, "maxPriorityFeePerGas"),
    };

    public static string Id(JsonElement payload) => payload.GetProperty("intent").GetProperty("id").GetString()!;

    private static HexBigInteger? Quantity(JsonElement txRequest, string name) =>
        txRequest.GetProperty(name).ValueKind == JsonValueKind.String
            ? new HexBigInteger(BigInteger.Parse(txRequest.GetProperty(name).GetString()!, CultureInfo.InvariantCulture))
            : null;
}
