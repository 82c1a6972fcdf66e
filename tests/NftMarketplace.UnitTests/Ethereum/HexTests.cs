using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class HexTests
{
    [Theory]
    [InlineData("0x", "0x", 0)]
    [InlineData("0x00", "0x00", 1)]
    [InlineData("0xdeadBEEF", "0xdeadbeef", 4)]
    [InlineData("0xA9059CBB", "0xa9059cbb", 4)]
    public void Accepts_even_length_hex_and_stores_lowercase(string text, string expected, int length)
    {
        var hex = Hex.Parse(text);

        Assert.Equal(expected, hex.Value);
        Assert.Equal(expected, hex.ToString());
        Assert.Equal(length, hex.Length);
        Assert.Equal(length == 0, hex.IsEmpty);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData(" ", "expected 0x")]
    [InlineData("deadbeef", "expected 0x")]
    [InlineData("0Xdeadbeef", "expected 0x")]
    [InlineData("x0de", "expected 0x")]
    [InlineData("0xabc", "odd number")]
    [InlineData("0x0", "odd number")]
    [InlineData("0xzz", "only hex digits")]
    [InlineData("0xdead beef", "only hex digits")]
    [InlineData("0x de", "only hex digits")]
    public void Rejects_malformed_text_with_a_specific_reason(string? text, string reason)
    {
        var error = Assert.ThrowsAny<BadInputException>(() => Hex.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Hex.TryParse(text, out _));
    }

    [Fact]
    public void Bytes_round_trip()
    {
        byte[] bytes = [0x00, 0x01, 0xAB, 0xFF];

        var hex = Hex.FromBytes(bytes);

        Assert.Equal("0x0001abff", hex.Value);
        Assert.Equal(bytes, hex.ToBytes());
        Assert.Equal(hex, Hex.Parse("0x0001ABFF"));
    }

    [Fact]
    public void Empty_is_the_default_and_equals_parsed_0x()
    {
        Assert.Equal(Hex.Empty, default);
        Assert.Equal(Hex.Parse("0x"), Hex.Empty);
        Assert.Equal(Hex.FromBytes([]), Hex.Empty);
        Assert.Empty(Hex.Empty.ToBytes());
        Assert.Equal("0x", default(Hex).ToString());
    }

    [Fact]
    public void Differently_cased_inputs_are_equal()
    {
        Assert.Equal(Hex.Parse("0xabcdef"), Hex.Parse("0xABCDEF"));
        Assert.Equal(Hex.Parse("0xabcdef").GetHashCode(), Hex.Parse("0xAbCdEf").GetHashCode());
        Assert.NotEqual(Hex.Parse("0xabcdef"), Hex.Parse("0xabcdee"));
    }

    [Fact]
    public void Long_input_is_parsed_but_not_echoed_in_full()
    {
        var valid = "0x" + new string('a', 2_000_000);
        var invalid = valid + "g";

        Assert.Equal(1_000_000, Hex.Parse(valid).Length);
        var error = Assert.ThrowsAny<BadInputException>(() => Hex.Parse(invalid));
        Assert.True(error.Message.Length < 300, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(2000003 characters)", error.Message, StringComparison.Ordinal);
    }
}
