using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Catalog.Ingestion;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.UnitTests.Catalog.Ingestion;

/// <summary>What the catalog's consumers refuse of the indexer's messages: parked at once, never half applied.</summary>
public sealed class IngestionMessagesTests
{
    private const string Contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Holder = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static readonly string Hash = "0x" + new string('a', 64);

    [Fact]
    public void A_well_formed_transfer_passes()
    {
        IngestionMessages.Transfers([Transfer()]);

        Assert.Equal("eip155:31337", IngestionMessages.Chain("eip155:31337"));
    }

    [Theory]
    [InlineData("solana:mainnet")]
    [InlineData("eip155:x")]
    [InlineData("")]
    public void A_chain_without_eip155_facts_is_malformed(string chain) =>
        Assert.Throws<MalformedMessageException>(() => IngestionMessages.Chain(chain));

    public static TheoryData<string> BadTransfers => ["checksummed contract", "token id with a sign", "token id past uint256", "leading zero", "unknown kind", "short hash"];

    [Theory]
    [MemberData(nameof(BadTransfers))]
    public void A_transfer_out_of_form_is_malformed(string what)
    {
        var transfer = what switch
        {
            "checksummed contract" => Transfer() with { Contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
            "token id with a sign" => Transfer() with { TokenId = "-1" },
            "token id past uint256" => Transfer() with { TokenId = "115792089237316195423570985008687907853269984665640564039457584007913129639936" },
            "leading zero" => Transfer() with { Amount = "01" },
            "unknown kind" => Transfer() with { Kind = "airdrop" },
            _ => Transfer() with { Position = Transfer().Position with { BlockHash = "0x1234" } },
        };

        Assert.Throws<MalformedMessageException>(() => IngestionMessages.Transfers([transfer]));
    }

    [Fact]
    public void Slugs_are_the_names_words_then_chain_and_address()
    {
        Assert.Equal("my-cool-apes-eip155-31337-" + Contract[2..], CollectionSlug.For("eip155:31337", Contract, "  My Cool  Apes!! "));
        Assert.Equal("eip155-1-" + Contract[2..], CollectionSlug.For("eip155:1", Contract, "★★★"));
        Assert.NotEqual(CollectionSlug.For("eip155:1", Contract, "Same"), CollectionSlug.For("eip155:10", Contract, "Same"));
    }

    private static TokenTransfer Transfer() =>
        new(Contract, TokenStandards.Erc721, TransferKinds.Mint, null, "0x0000000000000000000000000000000000000000", Holder, "1", "1", 0,
            new ChainPosition(1, Hash, 0, Hash, DateTimeOffset.UnixEpoch));
}
