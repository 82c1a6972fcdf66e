using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using Nethereum.Web3;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.SmartContracts;

public sealed class Collection1155Tests(InfrastructureFixture infrastructure)
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    private readonly TestChain _chain = new(infrastructure.ChainRpcUri);

    [Fact]
    public async Task Minting_creates_the_next_id_with_its_uri_and_supply()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = Address(await _chain.NewAccountAsync());

        var receipt = await owner.SendAsync(collection, new Mint1155Function { To = holder, Amount = 25, Uri = "ipfs://edition/1.json" });

        var transfer = Assert.Single(receipt.DecodeAllEvents<TransferSingleEvent>()).Event;
        Assert.True(transfer.Operator.IsTheSameAddress(Address(owner)));
        Assert.True(transfer.From.IsTheSameAddress(ZeroAddress));
        Assert.True(transfer.To.IsTheSameAddress(holder));
        Assert.Equal((1, 25), ((int)transfer.Id, (int)transfer.Value));
        var uri = Assert.Single(receipt.DecodeAllEvents<UriEvent>()).Event;
        Assert.Equal(("ipfs://edition/1.json", 1), (uri.Value, (int)uri.Id));
        Assert.Equal("ipfs://edition/1.json", await owner.QueryAsync<UriFunction, string>(collection, new UriFunction { Id = 1 }));
        Assert.Equal(25, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
        Assert.Equal(25, await owner.QueryAsync<BalanceOf1155Function, BigInteger>(collection, new BalanceOf1155Function { Account = holder, Id = 1 }));

        await owner.SendAsync(collection, new Mint1155Function { To = holder, Amount = 1, Uri = "ipfs://edition/2.json" });
        Assert.Equal(2, await owner.QueryAsync<LastTokenIdFunction, BigInteger>(collection, new LastTokenIdFunction()));
    }

    [Fact]
    public async Task Only_the_owner_or_a_minter_mints()
    {
        var (owner, collection) = await NewCollectionAsync();
        var stranger = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new Mint1155Function { To = Address(owner), Amount = 1, Uri = "ipfs://1" });

        var refused = await Reverting.RevertsWithAsync<NotMinterError>(
            () => stranger.SendAsync(collection, new Mint1155Function { To = Address(stranger), Amount = 1, Uri = "ipfs://2" }));
        Assert.True(refused.Account.IsTheSameAddress(Address(stranger)));
        await Reverting.RevertsWithAsync<NotMinterError>(
            () => stranger.SendAsync(collection, new MintExisting1155Function { To = Address(stranger), Id = 1, Amount = 1 }));

        await owner.SendAsync(collection, new GrantRoleFunction { Role = CollectionRoles.Minter, Account = Address(stranger) });
        await stranger.SendAsync(collection, new MintExisting1155Function { To = Address(stranger), Id = 1, Amount = 4 });
        Assert.Equal(5, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
    }

    [Fact]
    public async Task The_max_supply_of_an_id_caps_every_mint_of_it()
    {
        var (owner, collection) = await NewCollectionAsync();

        var tooMany = await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new Mint1155Function { To = Address(owner), Amount = 11, MaxSupply = 10, Uri = "ipfs://1" }));
        Assert.Equal(10, tooMany.Max);

        await owner.SendAsync(collection, new Mint1155Function { To = Address(owner), Amount = 6, MaxSupply = 10, Uri = "ipfs://1" });
        Assert.Equal(10, await owner.QueryAsync<MaxSupplyOfIdFunction, BigInteger>(collection, new MaxSupplyOfIdFunction { Id = 1 }));
        await owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 1, Amount = 4 });
        await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 1, Amount = 1 }));
        Assert.Equal(10, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
    }

    [Fact]
    public async Task Only_created_ids_can_be_minted_again()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new Mint1155Function { To = Address(owner), Amount = 0, Uri = "ipfs://set-up-for-later" });

        await owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 1, Amount = 3 });
        var unknown = await Reverting.RevertsWithAsync<UnknownTokenError>(
            () => owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 2, Amount = 1 }));

        Assert.Equal(2, unknown.Id);
        Assert.Equal(3, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
    }

    [Fact]
    public async Task A_batch_mint_creates_consecutive_ids_in_one_transfer_batch()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new Mint1155Function { To = Address(owner), Amount = 1, Uri = "ipfs://first" });
        var holder = Address(await _chain.NewAccountAsync());

        var receipt = await owner.SendAsync(collection, new MintBatch1155Function
        {
            To = holder,
            Amounts = [10, 20, 30],
            MaxSupplies = [10, 0, 100],
            Uris = ["ipfs://a", "ipfs://b", "ipfs://c"],
        });

        var batch = Assert.Single(receipt.DecodeAllEvents<TransferBatchEvent>()).Event;
        Assert.True(batch.To.IsTheSameAddress(holder));
        Assert.Equal([2, 3, 4], batch.Ids.Select(id => (int)id));
        Assert.Equal([10, 20, 30], batch.Values.Select(v => (int)v));
        Assert.Equal(["ipfs://a", "ipfs://b", "ipfs://c"], receipt.DecodeAllEvents<UriEvent>().Select(e => e.Event.Value));
        Assert.Equal(20, await owner.QueryAsync<BalanceOf1155Function, BigInteger>(collection, new BalanceOf1155Function { Account = holder, Id = 3 }));
        Assert.Equal("ipfs://c", await owner.QueryAsync<UriFunction, string>(collection, new UriFunction { Id = 4 }));
        Assert.Equal(100, await owner.QueryAsync<MaxSupplyOfIdFunction, BigInteger>(collection, new MaxSupplyOfIdFunction { Id = 4 }));
        await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new MintExisting1155Function { To = holder, Id = 2, Amount = 1 }));
    }

    [Fact]
    public async Task A_batch_mint_checks_its_arrays_and_caps()
    {
        var (owner, collection) = await NewCollectionAsync();

        await Reverting.RevertsWithAsync<EmptyBatchError>(
            () => owner.SendAsync(collection, new MintBatch1155Function { To = Address(owner) }));
        await Reverting.RevertsWithAsync<ArrayLengthMismatchError>(
            () => owner.SendAsync(collection, new MintBatch1155Function { To = Address(owner), Amounts = [1, 2], MaxSupplies = [0], Uris = ["ipfs://a", "ipfs://b"] }));
        var cap = await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new MintBatch1155Function { To = Address(owner), Amounts = [1, 8], MaxSupplies = [0, 7], Uris = ["ipfs://a", "ipfs://b"] }));

        Assert.Equal(7, cap.Max);
        Assert.Equal(0, await owner.QueryAsync<LastTokenIdFunction, BigInteger>(collection, new LastTokenIdFunction()));
    }

    [Fact]
    public async Task Royalty_info_follows_the_default_royalty()
    {
        var receiver = Address(await _chain.NewAccountAsync());
        var (owner, collection) = await NewCollectionAsync(Collections.Config(royaltyReceiver: receiver, royaltyBps: 500));

        var royalty = await owner.Eth.GetContractHandler(collection)
            .QueryDeserializingToObjectAsync<RoyaltyInfoFunction, RoyaltyInfoOutput>(new RoyaltyInfoFunction { TokenId = 1, SalePrice = 2_000_000 });

        Assert.True(royalty.Receiver.IsTheSameAddress(receiver));
        Assert.Equal(100_000, royalty.Amount);
    }

    [Theory]
    [InlineData(InterfaceIds.Erc165, true)]
    [InlineData(InterfaceIds.Erc1155, true)]
    [InlineData(InterfaceIds.Erc1155MetadataUri, true)]
    [InlineData(InterfaceIds.Erc2981, true)]
    [InlineData(InterfaceIds.Erc4906, true)]
    [InlineData(InterfaceIds.AccessControl, true)]
    [InlineData(InterfaceIds.AccessControlDefaultAdminRules, true)]
    [InlineData(InterfaceIds.Erc721, false)]
    [InlineData("0xffffffff", false)]
    public async Task Erc165_reports_the_interfaces_it_implements(string interfaceId, bool supported)
    {
        var (owner, collection) = await NewCollectionAsync();

        var answer = await owner.QueryAsync<SupportsInterfaceFunction, bool>(collection, new SupportsInterfaceFunction { InterfaceId = interfaceId.HexToByteArray() });

        Assert.Equal(supported, answer);
    }

    [Fact]
    public async Task Uri_changes_emit_uri_and_erc4906_events()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new MintBatch1155Function { To = Address(owner), Amounts = [1, 1, 1], MaxSupplies = [0, 0, 0], Uris = ["ipfs://1", "ipfs://2", "ipfs://3"] });

        var single = await owner.SendAsync(collection, new SetTokenUriFunction { TokenId = 1, Uri = "ipfs://1-revealed" });
        Assert.Equal(1, Assert.Single(single.DecodeAllEvents<MetadataUpdateEvent>()).Event.TokenId);
        Assert.Equal("ipfs://1-revealed", Assert.Single(single.DecodeAllEvents<UriEvent>()).Event.Value);

        var range = await owner.SendAsync(collection, new SetTokenUrisFunction { FirstTokenId = 2, Uris = ["ipfs://2-final", "ipfs://3-final"] });
        var batch = Assert.Single(range.DecodeAllEvents<BatchMetadataUpdateEvent>()).Event;
        Assert.Equal((2, 3), ((int)batch.FromTokenId, (int)batch.ToTokenId));
        Assert.Equal(["ipfs://2-final", "ipfs://3-final"], range.DecodeAllEvents<UriEvent>().Select(e => e.Event.Value));
        Assert.Equal("ipfs://3-final", await owner.QueryAsync<UriFunction, string>(collection, new UriFunction { Id = 3 }));

        var unknown = await Reverting.RevertsWithAsync<UnknownTokenError>(
            () => owner.SendAsync(collection, new SetTokenUriFunction { TokenId = 4, Uri = "ipfs://4" }));
        Assert.Equal(4, unknown.Id);
    }

    [Fact]
    public async Task The_holder_burns_and_the_capped_supply_can_be_minted_again()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new Mint1155Function { To = Address(holder), Amount = 10, MaxSupply = 10, Uri = "ipfs://1" });

        var receipt = await holder.SendAsync(collection, new Burn1155Function { Account = Address(holder), Id = 1, Value = 4 });

        var transfer = Assert.Single(receipt.DecodeAllEvents<TransferSingleEvent>()).Event;
        Assert.True(transfer.From.IsTheSameAddress(Address(holder)));
        Assert.True(transfer.To.IsTheSameAddress(ZeroAddress));
        Assert.Equal((1, 4), ((int)transfer.Id, (int)transfer.Value));
        Assert.Equal(6, await owner.QueryAsync<BalanceOf1155Function, BigInteger>(collection, new BalanceOf1155Function { Account = Address(holder), Id = 1 }));
        Assert.Equal(6, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
        // The cap is on the id's supply, which the burn lowered.
        await owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 1, Amount = 4 });
        await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new MintExisting1155Function { To = Address(owner), Id = 1, Amount = 1 }));

        var tooMuch = await Reverting.RevertsWithAsync<Erc1155InsufficientBalanceError>(
            () => holder.SendAsync(collection, new Burn1155Function { Account = Address(holder), Id = 1, Value = 7 }));
        Assert.Equal((6, 7), ((int)tooMuch.Balance, (int)tooMuch.Needed));
    }

    [Fact]
    public async Task A_batch_burn_destroys_several_ids_in_one_transfer_batch()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new MintBatch1155Function { To = Address(holder), Amounts = [5, 3, 1], MaxSupplies = [0, 0, 0], Uris = ["ipfs://1", "ipfs://2", "ipfs://3"] });

        var receipt = await holder.SendAsync(collection, new BurnBatch1155Function { Account = Address(holder), Ids = [1, 3], Values = [2, 1] });

        var batch = Assert.Single(receipt.DecodeAllEvents<TransferBatchEvent>()).Event;
        Assert.True(batch.To.IsTheSameAddress(ZeroAddress));
        Assert.Equal([1, 3], batch.Ids.Select(i => (int)i));
        Assert.Equal([2, 1], batch.Values.Select(v => (int)v));
        Assert.Equal(3, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 1 }));
        Assert.Equal(0, await owner.QueryAsync<TotalSupplyOfIdFunction, BigInteger>(collection, new TotalSupplyOfIdFunction { Id = 3 }));
        await Reverting.RevertsWithAsync<Erc1155InvalidArrayLengthError>(
            () => holder.SendAsync(collection, new BurnBatch1155Function { Account = Address(holder), Ids = [1, 2], Values = [1] }));
    }

    [Fact]
    public async Task Only_the_holder_or_an_operator_it_approved_burns()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = await _chain.NewAccountAsync();
        var operatorForAll = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new Mint1155Function { To = Address(holder), Amount = 10, Uri = "ipfs://1" });

        // Neither the collection's owner nor anyone else may burn a holder's balance, singly or in a batch.
        var byOwner = await Reverting.RevertsWithAsync<Erc1155MissingApprovalForAllError>(
            () => owner.SendAsync(collection, new Burn1155Function { Account = Address(holder), Id = 1, Value = 1 }));
        Assert.True(byOwner.Operator.IsTheSameAddress(Address(owner)));
        Assert.True(byOwner.Owner.IsTheSameAddress(Address(holder)));
        await Reverting.RevertsWithAsync<Erc1155MissingApprovalForAllError>(
            () => operatorForAll.SendAsync(collection, new BurnBatch1155Function { Account = Address(holder), Ids = [1], Values = [1] }));

        await holder.SendAsync(collection, new SetApprovalForAllFunction { Operator = Address(operatorForAll), Approved = true });
        await operatorForAll.SendAsync(collection, new Burn1155Function { Account = Address(holder), Id = 1, Value = 2 });
        await operatorForAll.SendAsync(collection, new BurnBatch1155Function { Account = Address(holder), Ids = [1], Values = [3] });
        await holder.SendAsync(collection, new SetApprovalForAllFunction { Operator = Address(operatorForAll), Approved = false });
        await Reverting.RevertsWithAsync<Erc1155MissingApprovalForAllError>(
            () => operatorForAll.SendAsync(collection, new Burn1155Function { Account = Address(holder), Id = 1, Value = 1 }));

        Assert.Equal(5, await owner.QueryAsync<BalanceOf1155Function, BigInteger>(collection, new BalanceOf1155Function { Account = Address(holder), Id = 1 }));
    }

    [Fact]
    public async Task Name_symbol_and_contract_uri_come_from_the_configuration()
    {
        var config = Collections.Config("Editions");
        var (owner, collection) = await NewCollectionAsync(config);

        Assert.Equal("Editions", await owner.QueryAsync<NameFunction, string>(collection, new NameFunction()));
        Assert.Equal("TEST", await owner.QueryAsync<SymbolFunction, string>(collection, new SymbolFunction()));
        Assert.Equal(config.ContractUri, await owner.QueryAsync<ContractUriFunction, string>(collection, new ContractUriFunction()));
    }

    private async Task<(Web3 Owner, string Collection)> NewCollectionAsync(CollectionConfig? config = null)
    {
        var creator = await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);
        var created = await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc1155, config);
        return (creator, created.Address);
    }

    private static string Address(Web3 account) => account.TransactionManager.Account.Address;
}
