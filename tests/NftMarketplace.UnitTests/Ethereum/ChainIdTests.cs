using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class ChainIdTests
{
    // Examples from the CAIP-2 specification.
    [Theory]
    [InlineData("eip155:1", "eip155", "1")]
    [InlineData("bip122:000000000019d6689c085ae165831e93", "bip122", "000000000019d6689c085ae165831e93")]
    [InlineData("bip122:12a765e31ffd4059bada1e25190f6e98", "bip122", "12a765e31ffd4059bada1e25190f6e98")]
    [InlineData("cosmos:cosmoshub-3", "cosmos", "cosmoshub-3")]
    [InlineData("cosmos:Binance-Chain-Tigris", "cosmos", "Binance-Chain-Tigris")]
    [InlineData("cosmos:iov-mainnet", "cosmos", "iov-mainnet")]
    [InlineData("starknet:SN_GOERLI", "starknet", "SN_GOERLI")]
    [InlineData("lip9:9ee11e9df416b18b", "lip9", "9ee11e9df416b18b")]
    [InlineData("chainstd:8c3444cf8970a9e41a706fab93e7a6c4", "chainstd", "8c3444cf8970a9e41a706fab93e7a6c4")]
    public void Accepts_CAIP2_examples_as_given(string text, string expectedNamespace, string expectedReference)
    {
        var chainId = ChainId.Parse(text);

        Assert.Equal(text, chainId.Value);
        Assert.Equal(text, chainId.ToString());
        Assert.Equal(expectedNamespace, chainId.Namespace);
        Assert.Equal(expectedReference, chainId.Reference);
    }

    [Theory]
    [InlineData("eip155:1", 1L)]
    [InlineData("eip155:31337", 31337L)]
    [InlineData("eip155:11155111", 11155111L)]
    [InlineData("eip155:9223372036854775807", long.MaxValue)]
    public void Eip155_references_are_chain_numbers(string text, long number)
    {
        var chainId = ChainId.Parse(text);

        Assert.True(chainId.IsEip155);
        Assert.Equal(number, chainId.Eip155Reference);
        Assert.Equal(number, chainId.ToEip155Number());
        Assert.Equal(chainId, ChainId.Eip155(number));
    }

    [Fact]
    public void Eip155_factory_builds_the_canonical_text()
    {
        var chainId = ChainId.Eip155(31337);

        Assert.Equal("eip155:31337", chainId.ToString());
        Assert.Equal("eip155", chainId.Namespace);
        Assert.Equal("31337", chainId.Reference);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Eip155_factory_rejects_non_positive_numbers(long number)
    {
        Assert.ThrowsAny<BadInputException>(() => ChainId.Eip155(number));
    }

    [Fact]
    public void Other_namespaces_have_no_chain_number()
    {
        var chainId = ChainId.Parse("cosmos:cosmoshub-3");

        Assert.False(chainId.IsEip155);
        Assert.Null(chainId.Eip155Reference);
        var error = Assert.ThrowsAny<BadInputException>(() => chainId.ToEip155Number());
        Assert.Contains("eip155", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("eip155")]
    [InlineData("eip155:")]
    [InlineData(":1")]
    [InlineData(" eip155:1")]
    [InlineData("eip155:1 ")]
    [InlineData("EIP155:1")]
    [InlineData("ab:1")]
    [InlineData("abcdefghi:1")]
    [InlineData("eip_155:1")]
    [InlineData("cosmos:cosmos hub")]
    [InlineData("cosmos:a:b")]
    [InlineData("cosmos:123456789012345678901234567890123")]
    [InlineData("eip155:0")]
    [InlineData("eip155:01")]
    [InlineData("eip155:-1")]
    [InlineData("eip155:+1")]
    [InlineData("eip155:0x1")]
    [InlineData("eip155:mainnet")]
    [InlineData("eip155:9223372036854775808")]
    [InlineData("eip155:\u0661")]
    public void Rejects_malformed_text(string? text)
    {
        Assert.ThrowsAny<BadInputException>(() => ChainId.Parse(text));
        Assert.False(ChainId.TryParse(text, out var chainId));
        Assert.Null(chainId);
    }

    [Theory]
    [InlineData("eip155", "expected namespace:reference")]
    [InlineData("EIP155:1", "namespace")]
    [InlineData("cosmos:a b", "reference")]
    [InlineData("eip155:01", "leading zeros")]
    public void Error_message_explains_what_is_wrong(string text, string reason)
    {
        var error = Assert.ThrowsAny<BadInputException>(() => ChainId.Parse(text, "input.chainId"));

        Assert.StartsWith($"'{text}' is not a CAIP-2 chain ID: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("input.chainId", error.Field);
    }

    [Fact]
    public void Equality_is_by_value_and_references_are_case_sensitive()
    {
        Assert.Equal(ChainId.Parse("eip155:1"), ChainId.Parse("eip155:1"));
        Assert.Equal(ChainId.Parse("eip155:1").GetHashCode(), ChainId.Eip155(1).GetHashCode());
        Assert.NotEqual(ChainId.Parse("cosmos:iov-mainnet"), ChainId.Parse("cosmos:IOV-mainnet"));
        Assert.NotEqual(ChainId.Eip155(1), ChainId.Eip155(10));
    }

    [Fact]
    public void Works_through_IParsable()
    {
        Assert.Equal(ChainId.Eip155(1), ParsableParse<ChainId>("eip155:1"));
    }

    private static T ParsableParse<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);
}
