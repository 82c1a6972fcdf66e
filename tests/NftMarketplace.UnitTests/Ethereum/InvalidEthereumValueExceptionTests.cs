using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class InvalidEthereumValueExceptionTests
{
    [Fact]
    public void Is_bad_user_input()
    {
        var error = Assert.Throws<InvalidEthereumValueException>(() => Address.Parse("nope", "input.owner"));

        Assert.IsAssignableFrom<BadInputException>(error);
        Assert.Equal(ErrorCode.BadUserInput, error.Code);
        Assert.Equal("input.owner", error.Field);
    }

    [Fact]
    public void Long_input_is_truncated_in_the_message()
    {
        var huge = new string('x', 5_000_000);

        var error = Assert.ThrowsAny<BadInputException>(() => AccountId.Parse(huge));

        Assert.True(error.Message.Length < 300);
        Assert.StartsWith("'" + new string('x', InputEcho.MaxChars) + "…' (5000000 characters)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_masked_in_the_message()
    {
        var error = Assert.ThrowsAny<BadInputException>(() => ChainId.Parse("eip155:1\r\nforged log line"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.Contains("eip155:1??forged log line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_does_not_split_a_surrogate_pair()
    {
        // Place an emoji (two UTF-16 units) across the cut-off point.
        var text = new string('a', InputEcho.MaxChars - 1) + "\U0001F600" + new string('a', 10);

        var echoed = InputEcho.Quote(text);

        Assert.DoesNotContain(echoed, char.IsSurrogate);
        Assert.StartsWith("'" + new string('a', InputEcho.MaxChars - 1) + "…'", echoed, StringComparison.Ordinal);
    }
}
