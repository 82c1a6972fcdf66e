using System.Numerics;
using System.Text.Json;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Orchestration.Collections;
using NftMarketplace.Modules.Orchestration.Minting;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.UnitTests.Orchestration;

public sealed class IntentRequestTests
{
    private static readonly ChainId Chain = ChainId.Parse("eip155:31337");

    private static readonly Address Collection = Address.Parse("0x1729af53b508ba839ef21348676617a1b7418d23");

    [Fact]
    public void A_collection_request_names_each_field_at_fault()
    {
        var validator = new PrepareCreateCollectionValidator();
        var good = new PrepareCreateCollection(
            Guid.CreateVersion7(), Chain, TokenStandard.Erc721, "Name", "SYM", null, null, null, null, 0, null, null, null);

        Assert.True(validator.Validate(good).IsValid);
        Assert.Equal(["RoyaltyBps"], Properties(validator.Validate(good with { RoyaltyBps = 10001, RoyaltyReceiver = Collection })));
        Assert.Equal(["RoyaltyReceiver"], Properties(validator.Validate(good with { RoyaltyBps = 1 })));
        Assert.True(validator.Validate(good with { RoyaltyBps = 10000, RoyaltyReceiver = Collection }).IsValid);
        Assert.Equal(["MaxSupply"], Properties(validator.Validate(good with { Standard = TokenStandard.Erc1155, MaxSupply = 5 })));
        Assert.Equal(["MaxSupply"], Properties(validator.Validate(good with { MaxSupply = -1 })));
        Assert.Equal(["DeadlineSeconds"], Properties(validator.Validate(good with { DeadlineSeconds = 29 })));
        Assert.Equal(["DeadlineSeconds"], Properties(validator.Validate(good with { DeadlineSeconds = 86401 })));
        Assert.True(validator.Validate(good with { DeadlineSeconds = 30 }).IsValid);
        Assert.Equal(["IdempotencyKey"], Properties(validator.Validate(good with { IdempotencyKey = "" })));
    }

    [Fact]
    public void An_erc1155_mint_is_new_ids_or_one_existing_id()
    {
        var validator = new PrepareMint1155Validator();
        PrepareMint1155 Mint(params Mint1155Item[] items) => new(Guid.CreateVersion7(), Chain, Collection, null, items, null, null);
        var fresh = new Mint1155Item(null, 5, 10, "ipfs://x");
        var existing = new Mint1155Item(1, 2, null, null);

        Assert.True(validator.Validate(Mint(fresh, fresh)).IsValid);
        Assert.True(validator.Validate(Mint(existing)).IsValid);
        Assert.Equal(["Items"], Properties(validator.Validate(Mint(fresh, existing))));
        Assert.Equal(["Items"], Properties(validator.Validate(Mint(existing, existing))));
        Assert.Equal(["Items"], Properties(validator.Validate(Mint())));
        Assert.Equal(["Items"], Properties(validator.Validate(Mint([.. Enumerable.Repeat(fresh, 101)]))));
        Assert.Equal(["Items[0].Uri"], Properties(validator.Validate(Mint(fresh with { Uri = null }))));
        Assert.Equal(["Items[0].Uri"], Properties(validator.Validate(Mint(existing with { Uri = "ipfs://y" }))));
        Assert.Equal(["Items[0].Amount"], Properties(validator.Validate(Mint(fresh with { Amount = 11 }))));
        Assert.Equal(["Items[0].Amount"], Properties(validator.Validate(Mint(fresh with { Amount = BigInteger.Zero }))));
    }

    [Fact]
    public void An_erc721_mint_takes_one_to_a_hundred_uris()
    {
        var validator = new PrepareMint721Validator();
        PrepareMint721 Mint(int count) => new(Guid.CreateVersion7(), Chain, Collection, null, [.. Enumerable.Repeat(new Mint721Item("ipfs://x"), count)], null, null);

        Assert.True(validator.Validate(Mint(1)).IsValid);
        Assert.True(validator.Validate(Mint(100)).IsValid);
        Assert.Equal(["Items"], Properties(validator.Validate(Mint(0))));
        Assert.Equal(["Items"], Properties(validator.Validate(Mint(101))));
        Assert.Equal(["To"], Properties(validator.Validate(Mint(1) with { To = Address.Zero })));
    }

    [Fact]
    public void Collection_metadata_has_the_marketplace_fields_with_ipfs_images()
    {
        var json = JsonDocument.Parse(CollectionMetadata.Json("Name", "About", "bafkreia", "bafkreib", 250, Collection)).RootElement;

        Assert.Equal("Name", json.GetProperty("name").GetString());
        Assert.Equal("About", json.GetProperty("description").GetString());
        Assert.Equal("ipfs://bafkreia", json.GetProperty("image").GetString());
        Assert.Equal("ipfs://bafkreib", json.GetProperty("banner_image").GetString());
        Assert.Equal(250, json.GetProperty("seller_fee_basis_points").GetInt32());
        Assert.Equal(Collection.ToChecksumString(), json.GetProperty("fee_recipient").GetString());
        Assert.False(JsonDocument.Parse(CollectionMetadata.Json("N", null, null, null, 0, null)).RootElement.TryGetProperty("fee_recipient", out _));
    }

    private static List<string> Properties(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(e => e.PropertyName).Distinct()];
}
