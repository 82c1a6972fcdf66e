using System.Numerics;
using Nethereum.ABI;
using Nethereum.Contracts;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Decoding;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.UnitTests.Indexing;

/// <summary>Each decoded event kind against logs ABI-encoded by Nethereum (an encoder independent of the decoder).</summary>
public sealed class LogDecoderTests
{
    private const string Contract = "0x1111111111111111111111111111111111111111";
    private const string Alice = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Bob = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Zero = "0x0000000000000000000000000000000000000000";
    private static readonly ChainPosition Position = new(42, "0x" + new string('b', 64), 7, "0x" + new string('c', 64), DateTimeOffset.UnixEpoch);
    private static readonly ABIEncode Abi = new();

    [Fact]
    public void Topics_are_those_of_the_contracts_own_event_definitions()
    {
        Assert.Equal(Topic<TransferEvent>(), EventSignatures.Transfer);
        Assert.Equal(Topic<TransferSingleEvent>(), EventSignatures.TransferSingle);
        Assert.Equal(Topic<TransferBatchEvent>(), EventSignatures.TransferBatch);
        Assert.Equal(Topic<UriEvent>(), EventSignatures.Uri);
        Assert.Equal(Topic<MetadataUpdateEvent>(), EventSignatures.MetadataUpdate);
        Assert.Equal(Topic<BatchMetadataUpdateEvent>(), EventSignatures.BatchMetadataUpdate);
        Assert.Equal(Topic<ContractUriUpdatedEvent>(), EventSignatures.ContractUriUpdated);
        Assert.Equal(Topic<DefaultRoyaltyUpdatedEvent>(), EventSignatures.DefaultRoyaltyUpdated);
        Assert.Equal(Topic<CollectionCreatedEvent>(), EventSignatures.CollectionCreated);
        // Well-known values (OpenZeppelin's ERC-721 / AccessControl / Ownable).
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", EventSignatures.Transfer);
        Assert.Equal("0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31", EventSignatures.ApprovalForAll);
        Assert.Equal("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", EventSignatures.RoleGranted);
        Assert.Equal("0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0", EventSignatures.OwnershipTransferred);
    }

    [Fact]
    public void An_erc721_mint_transfer_and_burn_are_each_one_transfer_of_amount_one()
    {
        var facts = new DecodedFacts();

        Assert.Equal(FactKinds.Mint, Decode(Log(EventSignatures.Transfer, [Word(Zero), Word(Alice), Word(5)], "0x"), FollowedStandards.Erc721, facts));
        Assert.Equal(FactKinds.Transfer, Decode(Log(EventSignatures.Transfer, [Word(Alice), Word(Bob), Word(5)], "0x"), FollowedStandards.Erc721, facts));
        Assert.Equal(FactKinds.Transfer, Decode(Log(EventSignatures.Transfer, [Word(Bob), Word(Zero), Word(5)], "0x"), FollowedStandards.Erc721, facts));

        var mint = Assert.Single(facts.Mints);
        Assert.Equal(new TokenTransfer(Contract, TokenStandards.Erc721, TransferKinds.Mint, null, Zero, Alice, "5", "1", 0, Position), mint);
        Assert.Equal([TransferKinds.Transfer, TransferKinds.Burn], facts.Transfers.Select(t => t.Kind));
        Assert.Equal((Bob, Zero), (facts.Transfers[1].From, facts.Transfers[1].To));
    }

    [Fact]
    public void An_erc20_transfer_with_the_same_topic_is_kept_raw()
    {
        var facts = new DecodedFacts();

        Assert.Null(Decode(Log(EventSignatures.Transfer, [Word(Alice), Word(Bob)], Hex(Abi.GetABIEncoded(new ABIValue("uint256", 5)))), FollowedStandards.Erc721, facts));
        Assert.Equal(0, facts.Count);
    }

    [Fact]
    public void An_erc1155_single_transfer_carries_id_amount_and_operator()
    {
        var facts = new DecodedFacts();
        var data = Abi.GetABIEncoded(new ABIValue("uint256", BigInteger.Pow(2, 200)), new ABIValue("uint256", 12));

        Assert.Equal(FactKinds.Mint, Decode(Log(EventSignatures.TransferSingle, [Word(Bob), Word(Zero), Word(Alice)], Hex(data)), FollowedStandards.Erc1155, facts));

        var mint = Assert.Single(facts.Mints);
        Assert.Equal((Bob, Alice, BigInteger.Pow(2, 200).ToString(System.Globalization.CultureInfo.InvariantCulture), "12", TokenStandards.Erc1155), (mint.Operator, mint.To, mint.TokenId, mint.Amount, mint.Standard));
    }

    [Fact]
    public void An_erc1155_batch_is_one_transfer_per_entry_numbered_within_the_log()
    {
        var facts = new DecodedFacts();
        var data = Abi.GetABIEncoded(
            new ABIValue("uint256[]", new List<BigInteger> { 1, 2, 3 }), new ABIValue("uint256[]", new List<BigInteger> { 10, 20, 30 }));

        Assert.Equal(FactKinds.Transfer, Decode(Log(EventSignatures.TransferBatch, [Word(Alice), Word(Alice), Word(Bob)], Hex(data)), FollowedStandards.Erc1155, facts));

        Assert.Equal([("1", "10", 0), ("2", "20", 1), ("3", "30", 2)], facts.Transfers.Select(t => (t.TokenId, t.Amount, t.BatchIndex)));
        Assert.All(facts.Transfers, t => Assert.Equal(Position, t.Position));
    }

    [Fact]
    public void A_batch_whose_arrays_differ_in_length_is_kept_raw()
    {
        var facts = new DecodedFacts();
        var data = Abi.GetABIEncoded(new ABIValue("uint256[]", new List<BigInteger> { 1, 2 }), new ABIValue("uint256[]", new List<BigInteger> { 10 }));

        Assert.Null(Decode(Log(EventSignatures.TransferBatch, [Word(Alice), Word(Alice), Word(Bob)], Hex(data)), FollowedStandards.Erc1155, facts));
        Assert.Equal(0, facts.Count);
    }

    [Fact]
    public void Metadata_events_say_what_changed()
    {
        var facts = new DecodedFacts();

        Decode(Log(EventSignatures.Uri, [Word(9)], Hex(Abi.GetABIEncoded(new ABIValue("string", "ipfs://bafy/{id}.json")))), FollowedStandards.Erc1155, facts);
        Decode(Log(EventSignatures.MetadataUpdate, [], Hex(Abi.GetABIEncoded(new ABIValue("uint256", 4)))), FollowedStandards.Erc721, facts);
        Decode(Log(EventSignatures.BatchMetadataUpdate, [], Hex(Abi.GetABIEncoded(new ABIValue("uint256", 1), new ABIValue("uint256", 100)))), FollowedStandards.Erc721, facts);
        Decode(Log(EventSignatures.ContractUriUpdated, [], "0x"), FollowedStandards.Erc721, facts);

        Assert.Equal(
            [
                new MetadataChange(Contract, MetadataChangeKinds.Uri, "9", null, null, "ipfs://bafy/{id}.json", Position),
                new MetadataChange(Contract, MetadataChangeKinds.Token, "4", null, null, null, Position),
                new MetadataChange(Contract, MetadataChangeKinds.Range, null, "1", "100", null, Position),
                new MetadataChange(Contract, MetadataChangeKinds.Contract, null, null, null, null, Position),
            ],
            facts.Metadata);
    }

    [Fact]
    public void Approvals_royalties_ownership_and_roles_are_decoded()
    {
        var facts = new DecodedFacts();
        var minter = "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6";

        Assert.Equal(FactKinds.Approval, Decode(Log(EventSignatures.ApprovalForAll, [Word(Alice), Word(Bob)], Hex(Abi.GetABIEncoded(new ABIValue("bool", true)))), FollowedStandards.Erc1155, facts));
        Decode(Log(EventSignatures.DefaultRoyaltyUpdated, [], Hex(Abi.GetABIEncoded(new ABIValue("address", Bob), new ABIValue("uint96", 250)))), FollowedStandards.Erc721, facts);
        Decode(Log(EventSignatures.OwnershipTransferred, [Word(Alice), Word(Bob)], "0x"), FollowedStandards.Erc721, facts);
        Decode(Log(EventSignatures.RoleGranted, [minter, Word(Bob), Word(Alice)], "0x"), FollowedStandards.Erc721, facts);
        Decode(Log(EventSignatures.RoleRevoked, [minter, Word(Bob), Word(Alice)], "0x"), FollowedStandards.Erc721, facts);

        Assert.Equal(new ApprovalChange(Alice, Bob, true, Contract, TokenStandards.Erc1155, Position), Assert.Single(facts.Approvals));
        Assert.Equal(
            [
                new SettingChange(Contract, SettingChangeKinds.Royalty, Bob, 250, null, null, null, null, Position),
                new SettingChange(Contract, SettingChangeKinds.Ownership, null, null, Bob, Alice, null, null, Position),
                new SettingChange(Contract, SettingChangeKinds.RoleGranted, null, null, Bob, null, SettingChange.Roles.Minter, Alice, Position),
                new SettingChange(Contract, SettingChangeKinds.RoleRevoked, null, null, Bob, null, SettingChange.Roles.Minter, Alice, Position),
            ],
            facts.Settings);
    }

    [Fact]
    public void A_factorys_collection_created_names_the_new_collection_and_its_settings()
    {
        var facts = new DecodedFacts();
        var salt = new byte[32];
        salt[31] = 7;
        var data = Abi.GetABIEncoded(
            new ABIValue("uint8", 1), new ABIValue("string", "Name"), new ABIValue("string", "SYM"), new ABIValue("address", Bob),
            new ABIValue("uint96", 500), new ABIValue("bytes32", salt), new ABIValue("string", "ipfs://contract"), new ABIValue("uint256", 0));

        Assert.Equal(FactKinds.CollectionCreated, Decode(Log(EventSignatures.CollectionCreated, [Word(Bob), Word(Alice)], Hex(data)), FollowedStandards.Factory, facts));

        var created = Assert.Single(facts.Created);
        Assert.Equal(
            new CreatedCollection(
                "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", TokenStandards.Erc1155, CollectionSources.Factory, Contract, Alice, Alice, "Name", "SYM",
                "ipfs://contract", Bob, 500, null, "0x" + new string('0', 62) + "07", 42, Position),
            created);
    }

    [Fact]
    public void A_factory_log_is_read_for_collections_only_and_a_collection_log_never_as_a_creation()
    {
        var facts = new DecodedFacts();

        Assert.Null(Decode(Log(EventSignatures.Transfer, [Word(Zero), Word(Alice), Word(5)], "0x"), FollowedStandards.Factory, facts));
        Assert.Null(Decode(Log(EventSignatures.CollectionCreated, [Word(Bob), Word(Alice)], "0x"), FollowedStandards.Erc721, facts));
        Assert.Equal(0, facts.Count);
    }

    [Fact]
    public void Truncated_data_is_kept_raw_not_thrown()
    {
        var facts = new DecodedFacts();

        Assert.Null(Decode(Log(EventSignatures.TransferSingle, [Word(Bob), Word(Zero), Word(Alice)], "0x01"), FollowedStandards.Erc1155, facts));
        Assert.Null(Decode(Log(EventSignatures.Uri, [Word(9)], "0x" + new string('f', 64)), FollowedStandards.Erc1155, facts));
    }

    private static string? Decode(ChainLog log, string standard, DecodedFacts facts) => LogDecoder.Decode(log, standard, Position, facts);

    private static ChainLog Log(string topic0, string[] topics, string data) =>
        new(Contract, Position.BlockNumber, Position.BlockHash, Position.TxHash, Position.LogIndex, [topic0, .. topics], data);

    private static string Word(string address) => "0x" + new string('0', 24) + address[2..];

    private static string Word(BigInteger value) => "0x" + value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static string Topic<TEvent>()
        where TEvent : Nethereum.ABI.FunctionEncoding.Attributes.IEventDTO, new() =>
        "0x" + ABITypedRegistry.GetEvent<TEvent>().Sha3Signature;
}
