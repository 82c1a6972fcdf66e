using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;
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
    public void An_approvals_event_this_module_can_never_apply_is_malformed()
    {
        var change = new ApprovalChange(
            Account.Address!.Value.Value, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", true, "0x" + new string('c', 40), ApprovalStandards.Erc721,
            new ChainPosition(7, "0x" + new string('b', 64), 0, "0x" + new string('a', 64), DateTimeOffset.UnixEpoch));
        var approvals = new ApprovalsChanged("eip155:1", 7, 7, [change]);

        Assert.Equal("eip155:1", ApprovalsOnApprovalsChanged.Validate(approvals));
        Assert.Throws<MalformedMessageException>(() => ApprovalsOnApprovalsChanged.Validate(approvals with { ChainId = "cosmos:cosmoshub-3" }));
        Assert.Throws<MalformedMessageException>(() => ApprovalsOnApprovalsChanged.Validate(approvals with { Changes = [change with { Standard = "erc20" }] }));
        Assert.Throws<MalformedMessageException>(() => ApprovalsOnApprovalsChanged.Validate(
            approvals with { Changes = [change with { Operator = "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED" }] }));
        Assert.Throws<MalformedMessageException>(() => ApprovalsOnApprovalsChanged.Validate(
            approvals with { Changes = [change with { Position = change.Position with { TxHash = "0x12" } }] }));
    }

    private static string[] Properties(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(e => e.PropertyName).Distinct()];
}
