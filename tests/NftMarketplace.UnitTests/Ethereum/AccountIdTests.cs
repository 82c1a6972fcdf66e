using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class AccountIdTests
{
    private const string MainnetAccount = "eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb";

    [Theory]
    [InlineData("eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb")]
    [InlineData("eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData("eip155:1:0xAB16A96D359EC26A11E2C2B3D8F8B8942D5BFCDB")]
    public void Eip155_accounts_are_stored_lowercase(string text)
    {
        var account = AccountId.Parse(text);

        Assert.Equal(MainnetAccount, account.Value);
        Assert.Equal(MainnetAccount, account.ToString());
        Assert.Equal(ChainId.Eip155(1), account.ChainId);
        Assert.Equal("0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb", account.AccountAddress);
        Assert.Equal(Address.Parse("0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb"), account.Address);
        Assert.Equal(account.Address, account.ToEip155Address());
    }

    [Fact]
    public void Local_chain_account_parses()
    {
        var account = AccountId.Parse("eip155:31337:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb");

        Assert.Equal(31337, account.ChainId.ToEip155Number());
        Assert.Equal("0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb", account.ToEip155Address().ToChecksumString());
    }

    // Examples from the CAIP-10 specification for other namespaces: kept exactly as given.
    [Theory]
    [InlineData("bip122:000000000019d6689c085ae165831e93:128Lkh3S7CkDTBZ8W7BbpsN3YYizJMp8p6", "128Lkh3S7CkDTBZ8W7BbpsN3YYizJMp8p6")]
    [InlineData("cosmos:cosmoshub-3:cosmos1t2uflqwqe0fsj0shcfkrvpukewcw40yjj6hdc0", "cosmos1t2uflqwqe0fsj0shcfkrvpukewcw40yjj6hdc0")]
    [InlineData("polkadot:b0a8d493285c2df73290dfb7e61f870f:5hmuyxw9xdgbpptgypokw4thfyoe3ryenebr381z9iaegmfy", "5hmuyxw9xdgbpptgypokw4thfyoe3ryenebr381z9iaegmfy")]
    [InlineData("starknet:SN_GOERLI:0x02dd1b492765c064eac4039e3841aa5f382773b598097a40073bd8b48170ab57", "0x02dd1b492765c064eac4039e3841aa5f382773b598097a40073bd8b48170ab57")]
    [InlineData("chainstd:8c3444cf8970a9e41a706fab93e7a6c4:6d9b0b4b9994e8a6afbd3dc3ed983cd51c755afb27cd1dc7825ef59c134a39f7", "6d9b0b4b9994e8a6afbd3dc3ed983cd51c755afb27cd1dc7825ef59c134a39f7")]
    [InlineData("hedera:mainnet:0.0.1234567890-zbhlt", "0.0.1234567890-zbhlt")]
    public void Other_namespaces_keep_the_address_as_given(string text, string accountAddress)
    {
        var account = AccountId.Parse(text);

        Assert.Equal(text, account.Value);
        Assert.Equal(accountAddress, account.AccountAddress);
        Assert.Null(account.Address);
        Assert.False(account.ChainId.IsEip155);
        Assert.ThrowsAny<BadInputException>(() => account.ToEip155Address());
    }

    [Fact]
    public void Account_address_of_128_characters_is_the_longest_allowed()
    {
        var longest = "cosmos:cosmoshub-3:" + new string('a', 128);

        Assert.True(AccountId.TryParse(longest, out _));
        Assert.False(AccountId.TryParse(longest + "a", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("eip155:1")]
    [InlineData("eip155:1:")]
    [InlineData("eip155:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData(":1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData("EIP155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData("eip155:01:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData("eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcd")]
    [InlineData("eip155:1:ab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb")]
    [InlineData("eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb:extra")]
    [InlineData("eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb ")]
    [InlineData("cosmos:cosmoshub-3:cosmos/1")]
    [InlineData("cosmos:cosmoshub-3:a b")]
    public void Rejects_malformed_text(string? text)
    {
        Assert.ThrowsAny<BadInputException>(() => AccountId.Parse(text));
        Assert.False(AccountId.TryParse(text, out var account));
        Assert.Null(account);
    }

    [Fact]
    public void Rejects_an_eip155_address_with_a_wrong_checksum()
    {
        const string text = "eip155:1:0xAb16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb";

        var error = Assert.ThrowsAny<BadInputException>(() => AccountId.Parse(text, "input.accountId"));

        Assert.StartsWith($"'{text}' is not a CAIP-10 account ID: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal("input.accountId", error.Field);
    }

    [Fact]
    public void Differently_cased_inputs_are_equal()
    {
        var checksummed = AccountId.Parse("eip155:1:0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb");
        var lower = AccountId.Parse(MainnetAccount);

        Assert.Equal(checksummed, lower);
        Assert.Equal(checksummed.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(lower, AccountId.Parse("eip155:5:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb"));
    }

    [Fact]
    public void Create_joins_an_eip155_chain_and_an_address()
    {
        var address = Address.Parse("0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb");

        var account = AccountId.Create(ChainId.Eip155(1), address);

        Assert.Equal(AccountId.Parse(MainnetAccount), account);
        Assert.Equal(MainnetAccount, account.ToString());
        Assert.ThrowsAny<BadInputException>(() => AccountId.Create(ChainId.Parse("cosmos:cosmoshub-3"), address));
    }

    [Fact]
    public void Works_through_IParsable()
    {
        Assert.Equal(AccountId.Parse(MainnetAccount), ParsableParse<AccountId>(MainnetAccount));
    }

    private static T ParsableParse<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);
}
