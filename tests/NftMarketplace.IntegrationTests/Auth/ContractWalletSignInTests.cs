using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.SmartContracts.Testing;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>
/// Smart-contract wallets sign in through the real Host like EOAs: a deployed wallet by EIP-1271, one not deployed yet
/// by EIP-6492 — and the wallet's own answer decides, so a wallet returning a wrong magic value cannot sign in.
/// </summary>
public sealed class ContractWalletSignInTests(SiweHostFixture host) : IClassFixture<SiweHostFixture>, IDisposable
{
    private const string Me = "{ me { wallets { address type isPrimary } } }";

    private readonly HttpClient _http = host.Http();
    private readonly EthECKey _owner = EthECKey.GenerateKey();

    private SiweClient Client => SignInHostFixture.Client(_http);

    [Fact]
    public async Task A_deployed_contract_wallet_signs_in_with_its_owners_signature()
    {
        var deployer = await new TestChain(host.Infrastructure.ChainRpcUri).NewAccountAsync();
        var wallet = Checksum(await TestChain.DeployAsync(deployer, new OwnedWalletDeployment { Owner = _owner.GetPublicAddress() }));
        var message = Client.Message(wallet, await Client.NonceAsync(wallet));

        var strangers = await Client.VerifyAsync(wallet, message, SiweClient.Sign(EthECKey.GenerateKey(), message));
        var session = SiweClient.Session(await Client.VerifyAsync(wallet, message, SiweClient.Sign(_owner, message)), "verifySiwe");

        Assert.Equal("UNAUTHENTICATED", strangers.ErrorCode);
        var linked = Assert.Single((await Client.PostAsync(Me, accessToken: session.AccessToken)).Field("me").GetProperty("wallets").EnumerateArray());
        Assert.Equal((wallet, "contract"), (linked.GetProperty("address").GetString(), linked.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_wallet_not_deployed_yet_signs_in_with_an_eip6492_signature()
    {
        var deployer = await new TestChain(host.Infrastructure.ChainRpcUri).NewAccountAsync();
        var factory = await TestChain.DeployAsync(deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = Checksum(await deployer.Eth.GetContractQueryHandler<PredictOwnedWalletFunction>()
            .QueryAsync<string>(factory, new PredictOwnedWalletFunction { Owner = _owner.GetPublicAddress(), Salt = salt }));
        var message = Client.Message(wallet, await Client.NonceAsync(wallet));
        var deploy = new DeployOwnedWalletFunction { Owner = _owner.GetPublicAddress(), Salt = salt }.GetCallData();
        var signature = Eip6492.Wrap(Address.Parse(factory.ToLowerInvariant()), deploy, SiweClient.Sign(_owner, message).HexToByteArray());

        var session = SiweClient.Session(await Client.VerifyAsync(wallet, message, "0x" + Convert.ToHexStringLower(signature)), "verifySiwe");

        var linked = Assert.Single((await Client.PostAsync(Me, accessToken: session.AccessToken)).Field("me").GetProperty("wallets").EnumerateArray());
        Assert.Equal("counterfactual", linked.GetProperty("type").GetString());
        // Verified in the call's sandbox: the wallet is still not deployed.
        Assert.Equal("0x", await new Web3(host.Infrastructure.ChainRpcUri.ToString()).Eth.GetCode.SendRequestAsync(wallet));
    }

    [Fact]
    public async Task A_wallet_answering_a_wrong_magic_value_or_reverting_cannot_sign_in()
    {
        var deployer = await new TestChain(host.Infrastructure.ChainRpcUri).NewAccountAsync();
        foreach (var wallet in new[]
        {
            Checksum(await TestChain.DeployAsync(deployer, new WrongMagicWalletDeployment())),
            Checksum(await TestChain.DeployAsync(deployer, new RevertingWalletDeployment())),
        })
        {
            var message = Client.Message(wallet, await Client.NonceAsync(wallet));

            var refused = await Client.VerifyAsync(wallet, message, SiweClient.Sign(_owner, message));

            Assert.Equal("UNAUTHENTICATED", refused.ErrorCode);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Checksum(string address) => new AddressUtil().ConvertToChecksumAddress(address);
}
