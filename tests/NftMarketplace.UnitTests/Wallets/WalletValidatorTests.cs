using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Wallets.Approvals;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Links;

namespace NftMarketplace.UnitTests.Wallets;

public sealed class WalletValidatorTests
{
    private static readonly AccountId Account = AccountId.Parse("eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb");

    [Fact]
    public void A_link_needs_a_user_an_evm_account_and_a_known_type()
    {
        var validator = new UpsertLinkValidator();

        Assert.True(validator.Validate(new UpsertLink(Guid.CreateVersion7(), Account, true, WalletTypes.Eoa, "metamask")).IsValid);
        Assert.Equal(["UserId"], Properties(validator.Validate(new UpsertLink(Guid.Empty, Account, true, WalletTypes.Eoa))));
        Assert.Equal(["Type"], Properties(validator.Validate(new UpsertLink(Guid.CreateVersion7(), Account, true, "smart"))));
        Assert.Equal(["AccountId"], Properties(validator.Validate(
            new UpsertLink(Guid.CreateVersion7(), AccountId.Parse("cosmos:cosmoshub-3:cosmos1abc"), true, WalletTypes.Eoa))));
        Assert.Equal(["Connector"], Properties(validator.Validate(
            new UpsertLink(Guid.CreateVersion7(), Account, true, WalletTypes.Contract, new string('c', 65)))));
    }

    [Fact]
    public void An_approval_needs_an_evm_chain_and_a_known_standard()
    {
        var validator = new RecordApprovalValidator();
        var approval = new RecordApproval(
            Account.ToEip155Address(), ChainId.Eip155(1), Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            ApprovalStandards.Erc721, true, TxHash.Parse("0x" + new string('a', 64)), DateTimeOffset.UnixEpoch.AddYears(56));

        Assert.True(validator.Validate(approval).IsValid);
        Assert.Equal(["Standard"], Properties(validator.Validate(approval with { Standard = "erc20" })));
        Assert.Equal(["ChainId"], Properties(validator.Validate(approval with { ChainId = ChainId.Parse("cosmos:cosmoshub-3") })));
        Assert.Equal(["At"], Properties(validator.Validate(approval with { At = default })));
    }

    private static string[] Properties(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(e => e.PropertyName).Distinct()];
}
