using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Util;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.SmartContracts;

public sealed class NftFactoryTests(InfrastructureFixture infrastructure)
{
    private readonly TestChain _chain = new(infrastructure.ChainRpcUri);

    [Theory]
    [InlineData(TokenStandard.Erc721)]
    [InlineData(TokenStandard.Erc1155)]
    public async Task A_collection_is_deployed_at_the_address_predicted_before_the_transaction(TokenStandard standard)
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);
        var salt = TestChain.NewSalt();

        var predicted = await creator.QueryAsync<PredictCollectionAddressFunction, string>(factory.Address, new PredictCollectionAddressFunction
        {
            Standard = (byte)standard,
            Creator = creator.TransactionManager.Account.Address,
            Salt = salt,
        });
        var created = await Collections.CreateAsync(creator, factory.Address, standard, salt: salt);

        Assert.True(predicted.IsTheSameAddress(created.Address), $"predicted {predicted}, deployed at {created.Address}");
        var implementation = standard == TokenStandard.Erc721 ? factory.Implementation721 : factory.Implementation1155;
        var offline = CollectionAddress.Predict(factory.Address, implementation, creator.TransactionManager.Account.Address, salt);
        Assert.True(offline.IsTheSameAddress(created.Address), $"computed offline {offline}, deployed at {created.Address}");
        Assert.NotEqual("0x", await creator.Eth.GetCode.SendRequestAsync(created.Address));
    }

    [Fact]
    public async Task CollectionCreated_carries_the_creator_and_configuration()
    {
        var creator = await _chain.NewAccountAsync();
        var royaltyReceiver = (await _chain.NewAccountAsync()).TransactionManager.Account.Address;
        var factory = await TestChain.DeployFactoryAsync(creator);
        var salt = TestChain.NewSalt();
        var config = Collections.Config("Genesis", maxSupply: 500, royaltyReceiver: royaltyReceiver, royaltyBps: 750);

        var created = await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721, config, salt);

        var log = Assert.Single(created.Receipt.DecodeAllEvents<CollectionCreatedEvent>());
        Assert.True(log.Log.Address.IsTheSameAddress(factory.Address));
        var e = log.Event;
        Assert.True(e.Creator.IsTheSameAddress(creator.TransactionManager.Account.Address));
        Assert.Equal((byte)TokenStandard.Erc721, e.Standard);
        Assert.Equal("Genesis", e.Name);
        Assert.Equal("TEST", e.Symbol);
        Assert.True(e.RoyaltyReceiver.IsTheSameAddress(royaltyReceiver));
        Assert.Equal(750, e.RoyaltyBps);
        Assert.Equal(salt, e.Salt);
        Assert.Equal(config.ContractUri, e.ContractUri);
        Assert.Equal(500, e.MaxSupply);

        // The creator owns the collection it created: the factory keeps no rights over it.
        var owner = await creator.QueryAsync<OwnerFunction, string>(created.Address, new OwnerFunction());
        Assert.True(owner.IsTheSameAddress(creator.TransactionManager.Account.Address));
        Assert.Equal("Genesis", await creator.QueryAsync<NameFunction, string>(created.Address, new NameFunction()));
        Assert.Equal(config.ContractUri, await creator.QueryAsync<ContractUriFunction, string>(created.Address, new ContractUriFunction()));
    }

    [Theory]
    [InlineData(TokenStandard.Erc721)]
    [InlineData(TokenStandard.Erc1155)]
    public async Task The_same_creator_cannot_reuse_a_salt(TokenStandard standard)
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);
        var salt = TestChain.NewSalt();
        var first = await Collections.CreateAsync(creator, factory.Address, standard, salt: salt);

        var error = await Reverting.RevertsWithAsync<CollectionAlreadyExistsError>(
            () => Collections.CreateAsync(creator, factory.Address, standard, salt: salt));

        Assert.True(error.Collection.IsTheSameAddress(first.Address));
    }

    [Fact]
    public async Task Another_creator_with_the_same_salt_gets_another_address()
    {
        var alice = await _chain.NewAccountAsync();
        var bob = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(alice);
        var salt = TestChain.NewSalt();

        var ofAlice = await Collections.CreateAsync(alice, factory.Address, TokenStandard.Erc721, salt: salt);
        var ofBob = await Collections.CreateAsync(bob, factory.Address, TokenStandard.Erc721, salt: salt);

        Assert.False(ofAlice.Address.IsTheSameAddress(ofBob.Address));
        var owner = await bob.QueryAsync<OwnerFunction, string>(ofBob.Address, new OwnerFunction());
        Assert.True(owner.IsTheSameAddress(bob.TransactionManager.Account.Address));
    }

    [Fact]
    public async Task An_unknown_standard_is_rejected()
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);

        var error = await Reverting.RevertsWithAsync<UnsupportedStandardError>(
            () => Collections.CreateAsync(creator, factory.Address, (TokenStandard)7));

        Assert.Equal(7, error.Standard);
    }

    [Fact]
    public async Task An_erc1155_collection_caps_supply_per_token_not_per_collection()
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);

        await Reverting.RevertsWithAsync<MaxSupplyIsPerTokenError>(
            () => Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc1155, Collections.Config(maxSupply: 10)));
    }

    [Fact]
    public async Task Royalties_above_100_percent_are_rejected()
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);
        var config = Collections.Config(royaltyReceiver: creator.TransactionManager.Account.Address, royaltyBps: 10_001);

        var error = await Reverting.RevertsWithAsync<Erc2981InvalidDefaultRoyaltyError>(
            () => Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721, config));

        Assert.Equal(10_001, error.Numerator);
        Assert.Equal(10_000, error.Denominator);
    }

    [Fact]
    public async Task The_implementations_cannot_be_initialized()
    {
        var attacker = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(attacker);

        foreach (var implementation in new[] { factory.Implementation721, factory.Implementation1155 })
        {
            await Reverting.RevertsWithAsync<InvalidInitializationError>(() => attacker.SendAsync(implementation, new InitializeFunction
            {
                Owner = attacker.TransactionManager.Account.Address,
                Config = Collections.Config(),
            }));
        }
    }

    [Fact]
    public async Task The_factory_reports_its_implementations()
    {
        var deployer = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(deployer);

        var of721 = await deployer.QueryAsync<ImplementationOfFunction, string>(factory.Address, new ImplementationOfFunction { Standard = (byte)TokenStandard.Erc721 });
        var of1155 = await deployer.QueryAsync<ImplementationOfFunction, string>(factory.Address, new ImplementationOfFunction { Standard = (byte)TokenStandard.Erc1155 });

        Assert.True(of721.IsTheSameAddress(factory.Implementation721));
        Assert.True(of1155.IsTheSameAddress(factory.Implementation1155));
    }

    // The backend never initializes a collection itself (the factory does), so these two live here, not in the bindings.
    [Function("initialize")]
    private sealed class InitializeFunction : FunctionMessage
    {
        [Parameter("address", "owner_", 1)]
        public string Owner { get; set; } = "";

        [Parameter("tuple", "config", 2)]
        public CollectionConfig Config { get; set; } = new();
    }

    [Error("InvalidInitialization")]
    private sealed class InvalidInitializationError : IErrorDTO;
}
