using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Web3;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.SmartContracts.Testing;

namespace NftMarketplace.IntegrationTests.Auth.Signatures;

/// <summary>
/// Sign-in signatures of EOAs, deployed contract wallets (EIP-1271) and wallets not deployed yet (EIP-6492), checked
/// against real contracts on the run's Anvil.
/// </summary>
public sealed class SignatureVerifierTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Message = """
        localhost wants you to sign in with your Ethereum account:
        0x0000000000000000000000000000000000000000

        URI: http://localhost
        Version: 1
        Chain ID: 31337
        Nonce: 32891756
        Issued At: 2026-01-01T00:00:00Z
        """;

    private readonly TestChain _chain = new(infrastructure.ChainRpcUri);
    private readonly EthECKey _owner = EthECKey.GenerateKey();
    private VerifierOnAnvil _anvil = null!;
    private Web3 _deployer = null!;

    public async ValueTask InitializeAsync()
    {
        _anvil = await VerifierOnAnvil.StartAsync(infrastructure.ChainRpcUri);
        _deployer = await _chain.NewAccountAsync();
    }

    public ValueTask DisposeAsync() => _anvil.DisposeAsync();

    [Fact]
    public async Task An_eoa_signature_is_valid_without_asking_the_chain()
    {
        var result = await _anvil.VerifyAsync(_owner.GetPublicAddress(), Message, Sign(_owner));

        Assert.Equal(new SignatureVerification(true, SignatureMethod.Eip191, null), result);
        Assert.Equal(0, _anvil.Requests);
    }

    [Fact]
    public async Task An_eoa_signature_by_another_key_is_invalid()
    {
        var result = await _anvil.VerifyAsync(_owner.GetPublicAddress(), Message, Sign(EthECKey.GenerateKey()));

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip191, "signature does not match the address"), result);
    }

    [Fact]
    public async Task A_deployed_wallet_accepts_its_owners_signature()
    {
        var wallet = await DeployWalletAsync();

        var result = await _anvil.VerifyAsync(wallet, Message, Sign(_owner));

        Assert.Equal(new SignatureVerification(true, SignatureMethod.Eip1271, null), result);
    }

    [Fact]
    public async Task A_deployed_wallet_rejects_someone_elses_signature()
    {
        var wallet = await DeployWalletAsync();

        var result = await _anvil.VerifyAsync(wallet, Message, Sign(EthECKey.GenerateKey()));

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip1271, "the contract wallet rejected the signature"), result);
    }

    [Fact]
    public async Task A_wallet_answering_the_magic_value_with_a_non_zero_tail_is_not_taken_as_valid()
    {
        var wallet = await TestChain.DeployAsync(_deployer, new WrongMagicWalletDeployment());

        var result = await _anvil.VerifyAsync(wallet, Message, Sign(_owner));

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip1271, "the contract wallet rejected the signature"), result);
    }

    [Fact]
    public async Task A_wallet_that_reverts_makes_the_signature_invalid()
    {
        var wallet = await TestChain.DeployAsync(_deployer, new RevertingWalletDeployment());

        var result = await _anvil.VerifyAsync(wallet, Message, Sign(_owner));

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip1271, "the contract wallet failed to check the signature"), result);
    }

    [Fact]
    public async Task A_counterfactual_wallets_signature_is_valid_and_the_wallet_stays_undeployed()
    {
        var factory = await TestChain.DeployAsync(_deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = await PredictAsync(factory, _owner, salt);

        var result = await _anvil.VerifyAsync(wallet, Message, Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, salt), Sign(_owner)));

        Assert.Equal(new SignatureVerification(true, SignatureMethod.Eip6492, null), result);
        Assert.Equal("0x", await _deployer.Eth.GetCode.SendRequestAsync(wallet));
    }

    [Fact]
    public async Task A_counterfactual_wrapper_around_another_keys_signature_is_invalid()
    {
        var factory = await TestChain.DeployAsync(_deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = await PredictAsync(factory, _owner, salt);

        var signature = Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, salt), Sign(EthECKey.GenerateKey()));
        var result = await _anvil.VerifyAsync(wallet, Message, signature);

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip6492, "the contract wallet rejected the signature"), result);
        Assert.Equal("0x", await _deployer.Eth.GetCode.SendRequestAsync(wallet));
    }

    [Fact]
    public async Task A_wrapper_for_a_wallet_deployed_since_is_checked_by_the_live_wallet()
    {
        var factory = await TestChain.DeployAsync(_deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = await PredictAsync(factory, _owner, salt);
        var signature = Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, salt), Sign(_owner));
        var forged = Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, salt), Sign(EthECKey.GenerateKey()));

        await _deployer.SendAsync(factory, new DeployOwnedWalletFunction { Owner = _owner.GetPublicAddress(), Salt = salt });

        Assert.NotEqual("0x", await _deployer.Eth.GetCode.SendRequestAsync(wallet));
        Assert.Equal(new SignatureVerification(true, SignatureMethod.Eip6492, null), await _anvil.VerifyAsync(wallet, Message, signature));
        // The wallet says no, and the wrapper's call (ERC-6492's "prepare" retry) cannot make it say yes: deploying again reverts.
        Assert.False((await _anvil.VerifyAsync(wallet, Message, forged)).IsValid);
    }

    [Fact]
    public async Task A_wrapper_whose_factory_call_deploys_another_wallet_is_invalid()
    {
        var factory = await TestChain.DeployAsync(_deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = await PredictAsync(factory, _owner, salt);
        var someoneElse = EthECKey.GenerateKey();

        var signature = Eip6492.Wrap(Address.Parse(factory), DeployCall(someoneElse, salt), Sign(someoneElse));
        var result = await _anvil.VerifyAsync(wallet, Message, signature);

        Assert.Equal(
            new SignatureVerification(false, SignatureMethod.Eip6492, "the EIP-6492 signature deploys a wallet at another address"), result);
    }

    [Fact]
    public async Task A_wrapper_whose_factory_call_fails_is_invalid()
    {
        var factory = await TestChain.DeployAsync(_deployer, new RevertingWalletDeployment());
        var wallet = EthECKey.GenerateKey().GetPublicAddress();

        var signature = Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, TestChain.NewSalt()), Sign(_owner));
        var result = await _anvil.VerifyAsync(wallet, Message, signature);

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip6492, "the EIP-6492 signature's wallet deployment failed"), result);
    }

    [Fact]
    public async Task An_oversized_signature_is_rejected_without_asking_the_chain()
    {
        var factory = await TestChain.DeployAsync(_deployer, new OwnedWalletFactoryDeployment());
        var salt = TestChain.NewSalt();
        var wallet = await PredictAsync(factory, _owner, salt);
        var padding = new byte[SignatureVerifier.MaxSignatureLength];

        var wrapped = await _anvil.VerifyAsync(wallet, Message, Eip6492.Wrap(Address.Parse(factory), DeployCall(_owner, salt), [.. Sign(_owner), .. padding]));
        var plain = await _anvil.VerifyAsync(wallet, Message, [.. Sign(_owner), .. padding]);

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip6492, "the signature is longer than 8192 bytes"), wrapped);
        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip1271, "the signature is longer than 8192 bytes"), plain);
        Assert.Equal(0, _anvil.Requests);
    }

    [Fact]
    public async Task An_unreachable_chain_is_an_error_not_an_invalid_signature()
    {
        var wallet = await DeployWalletAsync();
        _anvil.Unreachable = true;

        var error = await Assert.ThrowsAsync<AppException>(() => _anvil.VerifyAsync(wallet, Message, Sign(_owner)));

        Assert.Equal(ErrorCode.Internal, error.Code);
        Assert.Contains("could not reach chain eip155:31337", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What <c>personal_sign</c> gives for <see cref="Message"/>.</summary>
    private static byte[] Sign(EthECKey key) => new EthereumMessageSigner().EncodeUTF8AndSign(Message, key).HexToByteArray();

    private static byte[] DeployCall(EthECKey owner, byte[] salt) =>
        new DeployOwnedWalletFunction { Owner = owner.GetPublicAddress(), Salt = salt }.GetCallData();

    private Task<string> DeployWalletAsync() =>
        TestChain.DeployAsync(_deployer, new OwnedWalletDeployment { Owner = _owner.GetPublicAddress() });

    private Task<string> PredictAsync(string factory, EthECKey owner, byte[] salt) =>
        _deployer.QueryAsync<PredictOwnedWalletFunction, string>(factory, new PredictOwnedWalletFunction { Owner = owner.GetPublicAddress(), Salt = salt });
}
