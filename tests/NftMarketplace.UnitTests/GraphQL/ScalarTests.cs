using System.Numerics;
using GraphQLParser.AST;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Scalars;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class ScalarTests
{
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    [Fact]
    public void Address_is_parsed_from_any_valid_case_and_shown_in_checksum_case()
    {
        var scalar = new AddressGraphType();

        var parsed = Assert.IsType<Address>(scalar.ParseValue(Checksummed.ToLowerInvariant()));

        Assert.Equal(Checksummed.ToLowerInvariant(), parsed.Value);
        Assert.Equal(Checksummed, scalar.Serialize(parsed));
        Assert.Equal(Checksummed, scalar.Serialize(Checksummed.ToLowerInvariant()));
        Assert.Equal(parsed, scalar.ParseLiteral(new GraphQLStringValue(Checksummed)));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // one letter's case flipped: a bad checksum
    [InlineData("0x1234")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void A_bad_address_is_bad_user_input_with_the_reason(string text)
    {
        var error = Assert.IsAssignableFrom<AppException>(Record.Exception(() => new AddressGraphType().ParseValue(text)));

        Assert.Equal(ErrorCode.BadUserInput, error.Code);
        Assert.Contains("not an address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_string_literal_is_bad_user_input()
    {
        var error = Assert.IsType<BadInputException>(Record.Exception(() => new AddressGraphType().ParseLiteral(new GraphQLIntValue(5))));

        Assert.Contains("must be given as a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_passes_through_every_scalar()
    {
        Assert.Null(new AddressGraphType().ParseLiteral(new GraphQLNullValue()));
        Assert.Null(new ChainIdGraphType().ParseValue(null));
        Assert.Null(new HexGraphType().Serialize(null));
    }

    [Fact]
    public void ChainId_keeps_its_CAIP2_text()
    {
        var scalar = new ChainIdGraphType();

        var parsed = Assert.IsType<ChainId>(scalar.ParseValue("eip155:31337"));

        Assert.Equal(31337, parsed.Eip155Reference);
        Assert.Equal("eip155:31337", scalar.Serialize(parsed));
        Assert.Throws<InvalidEthereumValueException>(() => scalar.ParseValue("eip155:01"));
    }

    [Fact]
    public void Hex_is_shown_lowercase()
    {
        var scalar = new HexGraphType();

        Assert.Equal("0xdeadbeef", scalar.Serialize(scalar.ParseValue("0xDEADBEEF")));
        Assert.Equal("0x", scalar.Serialize(Hex.Empty));
        Assert.Throws<InvalidEthereumValueException>(() => scalar.ParseValue("0xabc"));
    }

    [Theory]
    [InlineData("2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00:00.1234567Z", "2024-05-01T12:00:00.1234567Z")]
    [InlineData("2024-05-01T12:00:00.500-01:30", "2024-05-01T13:30:00.5Z")]
    public void DateTime_input_with_an_offset_is_shown_in_UTC(string input, string shown)
    {
        var scalar = new UtcDateTimeGraphType();

        var parsed = Assert.IsType<DateTimeOffset>(scalar.ParseValue(input));

        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.Equal(shown, scalar.Serialize(parsed));
    }

    [Theory]
    [InlineData("2024-05-01T12:00:00")] // no offset: a different instant on every server
    [InlineData("2024-05-01")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    public void DateTime_without_an_offset_or_malformed_is_bad_user_input(string input)
    {
        var error = Assert.IsType<BadInputException>(Record.Exception(() => new UtcDateTimeGraphType().ParseValue(input)));

        Assert.Contains("is not a DateTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateTime_values_of_each_kind_are_shown_as_UTC_instants()
    {
        var scalar = new UtcDateTimeGraphType();
        var instant = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2024-05-01T12:00:00Z", scalar.Serialize(instant));
        Assert.Equal("2024-05-01T12:00:00Z", scalar.Serialize(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified)));
        Assert.Equal("2024-05-01T12:00:00Z", scalar.Serialize(instant.ToLocalTime()));
        Assert.Equal("2024-05-01T12:00:00Z", scalar.Serialize(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(-3))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("-42")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void BigInt_round_trips_canonical_decimal_strings(string text)
    {
        var scalar = new BigIntegerGraphType();

        var parsed = Assert.IsType<BigInteger>(scalar.ParseValue(text));

        Assert.Equal(text, scalar.Serialize(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("007")]
    [InlineData("-0")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("1.5")]
    [InlineData("1157920892373161954235709850086879078532699846656405640394575840079131296399350")] // 79 digits
    public void BigInt_refuses_anything_but_a_canonical_decimal_integer(string text)
    {
        var error = Assert.IsType<BadInputException>(Record.Exception(() => new BigIntegerGraphType().ParseValue(text)));

        Assert.Contains("is not a BigInt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BigInt_accepts_integer_literals_and_JSON_integers_but_always_answers_with_a_string()
    {
        var scalar = new BigIntegerGraphType();

        Assert.Equal(new BigInteger(7), scalar.ParseLiteral(new GraphQLIntValue(7)));
        Assert.Equal(new BigInteger(long.MaxValue), scalar.ParseValue(long.MaxValue));
        Assert.Equal("7", scalar.Serialize(7));
        Assert.Equal("18446744073709551615", scalar.Serialize(ulong.MaxValue));
        Assert.Throws<BadInputException>(() => scalar.ParseValue(1.5));
    }

    [Fact]
    public void Long_bad_input_is_echoed_cut_short()
    {
        var error = Assert.IsType<BadInputException>(Record.Exception(() => new BigIntegerGraphType().ParseValue(new string('x', 10_000))));

        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("(10000 characters)", error.Message, StringComparison.Ordinal);
    }
}
