using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.IntegrationTests.SmartContracts;

public sealed class Collection721Tests(InfrastructureFixture infrastructure)
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    private readonly TestChain _chain = new(infrastructure.ChainRpcUri);

    [Fact]
    public async Task The_owner_mints_sequential_ids_with_their_uris()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = Address(await _chain.NewAccountAsync());

        var first = await owner.SendAsync(collection, new Mint721Function { To = holder, Uri = "ipfs://token/1.json" });
        var second = await owner.SendAsync(collection, new Mint721Function { To = holder, Uri = "ipfs://token/2.json" });

        var transfer = Assert.Single(first.DecodeAllEvents<TransferEvent>()).Event;
        Assert.True(transfer.From.IsTheSameAddress(ZeroAddress));
        Assert.True(transfer.To.IsTheSameAddress(holder));
        Assert.Equal(1, transfer.TokenId);
        Assert.Equal(2, Assert.Single(second.DecodeAllEvents<TransferEvent>()).Event.TokenId);
        Assert.Equal("ipfs://token/2.json", await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 2 }));
        Assert.True((await owner.QueryAsync<OwnerOfFunction, string>(collection, new OwnerOfFunction { TokenId = 1 })).IsTheSameAddress(holder));
        Assert.Equal(2, await owner.QueryAsync<BalanceOf721Function, BigInteger>(collection, new BalanceOf721Function { Owner = holder }));
        Assert.Equal(2, await owner.QueryAsync<TotalSupply721Function, BigInteger>(collection, new TotalSupply721Function()));
    }

    [Fact]
    public async Task Only_the_owner_or_a_minter_mints()
    {
        var (owner, collection) = await NewCollectionAsync();
        var stranger = await _chain.NewAccountAsync();
        // Nethereum writes the estimated gas and nonce into a message it sends, so each send gets a new one.
        Mint721Function Mint() => new() { To = Address(stranger), Uri = "ipfs://token.json" };

        var refused = await Reverting.RevertsWithAsync<NotMinterError>(() => stranger.SendAsync(collection, Mint()));
        Assert.True(refused.Account.IsTheSameAddress(Address(stranger)));

        await owner.SendAsync(collection, new GrantRoleFunction { Role = CollectionRoles.Minter, Account = Address(stranger) });
        Assert.True(await owner.QueryAsync<HasRoleFunction, bool>(collection, new HasRoleFunction { Role = CollectionRoles.Minter, Account = Address(stranger) }));
        await stranger.SendAsync(collection, Mint());

        await owner.SendAsync(collection, new RevokeRoleFunction { Role = CollectionRoles.Minter, Account = Address(stranger) });
        await Reverting.RevertsWithAsync<NotMinterError>(() => stranger.SendAsync(collection, Mint()));
    }

    [Fact]
    public async Task A_transaction_mined_as_failed_is_replayed_into_its_typed_error()
    {
        var (_, collection) = await NewCollectionAsync();
        var stranger = await _chain.NewAccountAsync();

        // A fixed gas limit skips the estimate that would have reported the revert before sending.
        var receipt = await stranger.Eth.GetContractHandler(collection).SendRequestAndWaitForReceiptAsync(
            new Mint721Function { To = Address(stranger), Uri = "ipfs://token.json", Gas = 300_000 }, TestContext.Current.CancellationToken);
        Assert.False(receipt.Succeeded());

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => stranger.EnsureSucceededAsync(receipt));
        Assert.True(revert.Decode<NotMinterError>().Account.IsTheSameAddress(Address(stranger)));
    }

    [Fact]
    public async Task A_minter_cannot_grant_roles_or_change_metadata()
    {
        var (owner, collection) = await NewCollectionAsync();
        var minter = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new GrantRoleFunction { Role = CollectionRoles.Minter, Account = Address(minter) });
        await minter.SendAsync(collection, new Mint721Function { To = Address(minter), Uri = "ipfs://token.json" });

        var grant = await Reverting.RevertsWithAsync<AccessControlUnauthorizedAccountError>(
            () => minter.SendAsync(collection, new GrantRoleFunction { Role = CollectionRoles.Minter, Account = Address(minter) }));
        Assert.Equal(CollectionRoles.DefaultAdmin, grant.NeededRole);
        await Reverting.RevertsWithAsync<AccessControlUnauthorizedAccountError>(
            () => minter.SendAsync(collection, new SetTokenUriFunction { TokenId = 1, Uri = "ipfs://other.json" }));
        await Reverting.RevertsWithAsync<AccessControlUnauthorizedAccountError>(
            () => minter.SendAsync(collection, new SetContractUriFunction { NewContractUri = "ipfs://other.json" }));
    }

    [Fact]
    public async Task Batch_mints_take_consecutive_ids_in_the_order_of_their_uris()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new Mint721Function { To = Address(owner), Uri = "ipfs://single.json" });
        var uris = Enumerable.Range(0, 5).Select(i => $"ipfs://batch/{i}.json").ToList();

        var receipt = await owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = uris });

        var ids = receipt.DecodeAllEvents<TransferEvent>().Select(e => (int)e.Event.TokenId).ToList();
        Assert.Equal([2, 3, 4, 5, 6], ids);
        for (var i = 0; i < uris.Count; i++)
        {
            Assert.Equal(uris[i], await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = ids[i] }));
        }

        await Reverting.RevertsWithAsync<EmptyBatchError>(() => owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = [] }));
    }

    [Fact]
    public async Task The_max_supply_caps_single_and_batch_mints()
    {
        var (owner, collection) = await NewCollectionAsync(Collections.Config(maxSupply: 3));
        Assert.Equal(3, await owner.QueryAsync<MaxSupply721Function, BigInteger>(collection, new MaxSupply721Function()));
        await owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = ["ipfs://1", "ipfs://2"] });

        var batch = await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = ["ipfs://3", "ipfs://4"] }));
        Assert.Equal(3, batch.Max);

        await owner.SendAsync(collection, new Mint721Function { To = Address(owner), Uri = "ipfs://3" });
        await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new Mint721Function { To = Address(owner), Uri = "ipfs://4" }));
        Assert.Equal(3, await owner.QueryAsync<TotalSupply721Function, BigInteger>(collection, new TotalSupply721Function()));
    }

    [Fact]
    public async Task Royalty_info_follows_the_default_royalty()
    {
        var creator = await _chain.NewAccountAsync();
        var receiver = Address(await _chain.NewAccountAsync());
        var (owner, collection) = await NewCollectionAsync(Collections.Config(royaltyReceiver: receiver, royaltyBps: 250), creator);
        var salePrice = BigInteger.Pow(10, 18);

        var royalty = await RoyaltyAsync(owner, collection, salePrice);
        Assert.True(royalty.Receiver.IsTheSameAddress(receiver));
        Assert.Equal(salePrice * 250 / 10_000, royalty.Amount);

        var changed = await owner.SendAsync(collection, new SetDefaultRoyaltyFunction { Receiver = Address(owner), FeeBps = 1_000 });
        var update = Assert.Single(changed.DecodeAllEvents<DefaultRoyaltyUpdatedEvent>()).Event;
        Assert.Equal(1_000, update.FeeBps);
        royalty = await RoyaltyAsync(owner, collection, salePrice);
        Assert.True(royalty.Receiver.IsTheSameAddress(Address(owner)));
        Assert.Equal(salePrice / 10, royalty.Amount);
    }

    [Fact]
    public async Task Without_a_royalty_receiver_royalties_are_zero()
    {
        var (owner, collection) = await NewCollectionAsync();

        var royalty = await RoyaltyAsync(owner, collection, 1_000_000);

        Assert.True(royalty.Receiver.IsTheSameAddress(ZeroAddress));
        Assert.Equal(0, royalty.Amount);
    }

    [Theory]
    [InlineData(InterfaceIds.Erc165, true)]
    [InlineData(InterfaceIds.Erc721, true)]
    [InlineData(InterfaceIds.Erc721Metadata, true)]
    [InlineData(InterfaceIds.Erc2981, true)]
    [InlineData(InterfaceIds.Erc4906, true)]
    [InlineData(InterfaceIds.AccessControl, true)]
    [InlineData(InterfaceIds.AccessControlDefaultAdminRules, true)]
    [InlineData(InterfaceIds.Erc1155, false)]
    [InlineData("0xffffffff", false)]
    public async Task Erc165_reports_the_interfaces_it_implements(string interfaceId, bool supported)
    {
        var (owner, collection) = await NewCollectionAsync();

        var answer = await owner.QueryAsync<SupportsInterfaceFunction, bool>(collection, new SupportsInterfaceFunction { InterfaceId = interfaceId.HexToByteArray() });

        Assert.Equal(supported, answer);
    }

    [Fact]
    public async Task Uri_changes_emit_erc4906_events()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = ["ipfs://1", "ipfs://2", "ipfs://3"] });

        var single = await owner.SendAsync(collection, new SetTokenUriFunction { TokenId = 2, Uri = "ipfs://2-revealed" });
        Assert.Equal(2, Assert.Single(single.DecodeAllEvents<MetadataUpdateEvent>()).Event.TokenId);
        Assert.Equal("ipfs://2-revealed", await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 2 }));

        var range = await owner.SendAsync(collection, new SetTokenUrisFunction { FirstTokenId = 2, Uris = ["ipfs://2-final", "ipfs://3-final"] });
        var batch = Assert.Single(range.DecodeAllEvents<BatchMetadataUpdateEvent>()).Event;
        Assert.Equal((2, 3), ((int)batch.FromTokenId, (int)batch.ToTokenId));
        Assert.Equal("ipfs://3-final", await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 3 }));
        Assert.Equal("ipfs://1", await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 1 }));

        // A range reaching past the minted ids names the first id that does not exist.
        var missing = await Reverting.RevertsWithAsync<Erc721NonexistentTokenError>(
            () => owner.SendAsync(collection, new SetTokenUrisFunction { FirstTokenId = 3, Uris = ["ipfs://a", "ipfs://b"] }));
        Assert.Equal(4, missing.TokenId);
    }

    [Fact]
    public async Task The_holder_burns_its_token_and_the_id_stays_counted_against_the_cap()
    {
        var (owner, collection) = await NewCollectionAsync(Collections.Config(maxSupply: 2));
        var holder = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new MintBatch721Function { To = Address(holder), Uris = ["ipfs://1", "ipfs://2"] });

        var receipt = await holder.SendAsync(collection, new Burn721Function { TokenId = 1 });

        var transfer = Assert.Single(receipt.DecodeAllEvents<TransferEvent>()).Event;
        Assert.True(transfer.From.IsTheSameAddress(Address(holder)));
        Assert.True(transfer.To.IsTheSameAddress(ZeroAddress));
        Assert.Equal(1, transfer.TokenId);
        var gone = await Reverting.RevertsWithAsync<Erc721NonexistentTokenError>(
            () => owner.QueryAsync<OwnerOfFunction, string>(collection, new OwnerOfFunction { TokenId = 1 }));
        Assert.Equal(1, gone.TokenId);
        await Reverting.RevertsWithAsync<Erc721NonexistentTokenError>(
            () => owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 1 }));
        Assert.Equal(1, await owner.QueryAsync<BalanceOf721Function, BigInteger>(collection, new BalanceOf721Function { Owner = Address(holder) }));
        Assert.Equal(1, await owner.QueryAsync<TotalSupply721Function, BigInteger>(collection, new TotalSupply721Function()));
        Assert.Equal(2, await owner.QueryAsync<TotalMinted721Function, BigInteger>(collection, new TotalMinted721Function()));
        // The burnt id is never minted again, so the cap still counts it.
        await Reverting.RevertsWithAsync<MaxSupplyExceededError>(
            () => owner.SendAsync(collection, new Mint721Function { To = Address(owner), Uri = "ipfs://3" }));
        await Reverting.RevertsWithAsync<Erc721NonexistentTokenError>(() => holder.SendAsync(collection, new Burn721Function { TokenId = 1 }));
    }

    [Fact]
    public async Task Only_the_holder_or_an_account_it_approved_burns()
    {
        var (owner, collection) = await NewCollectionAsync();
        var holder = await _chain.NewAccountAsync();
        var approved = await _chain.NewAccountAsync();
        var operatorForAll = await _chain.NewAccountAsync();
        await owner.SendAsync(collection, new MintBatch721Function { To = Address(holder), Uris = ["ipfs://1", "ipfs://2", "ipfs://3"] });

        // Neither the collection's owner (a minter too) nor anyone else may burn a holder's token.
        var byOwner = await Reverting.RevertsWithAsync<Erc721InsufficientApprovalError>(() => owner.SendAsync(collection, new Burn721Function { TokenId = 1 }));
        Assert.True(byOwner.Operator.IsTheSameAddress(Address(owner)));
        Assert.Equal(1, byOwner.TokenId);
        await Reverting.RevertsWithAsync<Erc721InsufficientApprovalError>(() => approved.SendAsync(collection, new Burn721Function { TokenId = 1 }));

        // Approval for one token allows burning that token only.
        await holder.SendAsync(collection, new Approve721Function { To = Address(approved), TokenId = 1 });
        await Reverting.RevertsWithAsync<Erc721InsufficientApprovalError>(() => approved.SendAsync(collection, new Burn721Function { TokenId = 2 }));
        await approved.SendAsync(collection, new Burn721Function { TokenId = 1 });

        await holder.SendAsync(collection, new SetApprovalForAllFunction { Operator = Address(operatorForAll), Approved = true });
        await operatorForAll.SendAsync(collection, new Burn721Function { TokenId = 2 });
        await holder.SendAsync(collection, new SetApprovalForAllFunction { Operator = Address(operatorForAll), Approved = false });
        await Reverting.RevertsWithAsync<Erc721InsufficientApprovalError>(() => operatorForAll.SendAsync(collection, new Burn721Function { TokenId = 3 }));

        Assert.True((await owner.QueryAsync<OwnerOfFunction, string>(collection, new OwnerOfFunction { TokenId = 3 })).IsTheSameAddress(Address(holder)));
        Assert.Equal(1, await owner.QueryAsync<TotalSupply721Function, BigInteger>(collection, new TotalSupply721Function()));
    }

    [Fact]
    public async Task A_uri_range_may_span_burnt_tokens()
    {
        var (owner, collection) = await NewCollectionAsync();
        await owner.SendAsync(collection, new MintBatch721Function { To = Address(owner), Uris = ["ipfs://1", "ipfs://2", "ipfs://3"] });
        await owner.SendAsync(collection, new Burn721Function { TokenId = 1 });
        await owner.SendAsync(collection, new Burn721Function { TokenId = 3 });

        var range = await owner.SendAsync(collection, new SetTokenUrisFunction { FirstTokenId = 1, Uris = ["ipfs://a", "ipfs://b", "ipfs://c"] });

        var batch = Assert.Single(range.DecodeAllEvents<BatchMetadataUpdateEvent>()).Event;
        Assert.Equal((1, 3), ((int)batch.FromTokenId, (int)batch.ToTokenId));
        Assert.Equal("ipfs://b", await owner.QueryAsync<TokenUriFunction, string>(collection, new TokenUriFunction { TokenId = 2 }));
        var zero = await Reverting.RevertsWithAsync<Erc721NonexistentTokenError>(
            () => owner.SendAsync(collection, new SetTokenUrisFunction { FirstTokenId = 0, Uris = ["ipfs://z"] }));
        Assert.Equal(0, zero.TokenId);
    }

    [Fact]
    public async Task The_contract_uri_changes_with_an_erc7572_event()
    {
        var (owner, collection) = await NewCollectionAsync();

        var receipt = await owner.SendAsync(collection, new SetContractUriFunction { NewContractUri = "ipfs://collection-v2.json" });

        Assert.Single(receipt.DecodeAllEvents<ContractUriUpdatedEvent>());
        Assert.Equal("ipfs://collection-v2.json", await owner.QueryAsync<ContractUriFunction, string>(collection, new ContractUriFunction()));
    }

    private async Task<(Web3 Owner, string Collection)> NewCollectionAsync(CollectionConfig? config = null, Web3? creator = null)
    {
        creator ??= await _chain.NewAccountAsync();
        var factory = await TestChain.DeployFactoryAsync(creator);
        var created = await Collections.CreateAsync(creator, factory.Address, TokenStandard.Erc721, config);
        return (creator, created.Address);
    }

    private static Task<RoyaltyInfoOutput> RoyaltyAsync(Web3 caller, string collection, BigInteger salePrice) =>
        caller.Eth.GetContractHandler(collection)
            .QueryDeserializingToObjectAsync<RoyaltyInfoFunction, RoyaltyInfoOutput>(new RoyaltyInfoFunction { TokenId = 1, SalePrice = salePrice });

    private static string Address(Web3 account) => account.TransactionManager.Account.Address;
}
