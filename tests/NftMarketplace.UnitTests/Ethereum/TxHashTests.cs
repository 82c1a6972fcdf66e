using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class TxHashTests
{
    private const string Lower = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";

    [Theory]
    [InlineData(Lower)]
    [InlineData("0x88DF016429689C079F3B2F6AD39FA052532C56795B733DA78A91EBE6A713944B")]
    [InlineData("0x88Df016429689C079f3b2f6aD39fA052532c56795b733da78A91ebe6a713944B")]
    public void Accepts_any_case_and_stores_lowercase(string text)
    {
        var hash = TxHash.Parse(text);

        Assert.Equal(Lower, hash.Value);
        Assert.Equal(Lower, hash.ToString());
        Assert.Equal(TxHash.Parse(Lower), hash);
        Assert.Equal(TxHash.Parse(Lower).GetHashCode(), hash.GetHashCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0x")]
    [InlineData("88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b")]
    [InlineData("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944")]
    [InlineData("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b0")]
    [InlineData("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944z")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    public void Rejects_malformed_text(string? text)
    {
        Assert.ThrowsAny<BadInputException>(() => TxHash.Parse(text));
        Assert.False(TxHash.TryParse(text, out _));
    }

    [Fact]
    public void Error_message_names_the_input_and_the_expected_form()
    {
        var error = Assert.ThrowsAny<BadInputException>(() => TxHash.Parse("0xabc", "input.txHash"));

        Assert.Equal("'0xabc' is not a transaction hash: expected 0x followed by 64 hex digits", error.Message);
        Assert.Equal("input.txHash", error.Field);
    }

    [Fact]
    public void Bytes_round_trip()
    {
        var hash = TxHash.Parse(Lower);

        var bytes = hash.ToBytes();

        Assert.Equal(TxHash.ByteLength, bytes.Length);
        Assert.Equal(0x88, bytes[0]);
        Assert.Equal(hash, TxHash.FromBytes(bytes));
        Assert.ThrowsAny<BadInputException>(() => TxHash.FromBytes(new byte[20]));
    }

    [Fact]
    public void Default_is_the_all_zero_hash()
    {
        var zero = TxHash.Parse("0x" + new string('0', 64));

        Assert.Equal(zero, default);
        Assert.Equal(zero.Value, default(TxHash).ToString());
    }
}
