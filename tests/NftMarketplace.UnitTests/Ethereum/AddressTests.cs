using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Ethereum;

public sealed class AddressTests
{
    // The test vectors published in EIP-55, each already in checksum case.
    public static TheoryData<string> Eip55Vectors =>
    [
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void Accepts_EIP55_vectors_and_stores_them_lowercase(string checksummed)
    {
        var address = Address.Parse(checksummed);

        Assert.Equal(checksummed.ToLowerInvariant(), address.Value);
        Assert.Equal(address.Value, address.ToString());
        Assert.Equal(checksummed, address.ToChecksumString());
    }

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void Lowercase_input_round_trips_to_the_checksum_form(string checksummed)
    {
        var address = Address.Parse(checksummed.ToLowerInvariant());

        Assert.Equal(checksummed, address.ToChecksumString());
    }

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void Uppercase_input_is_accepted_without_a_checksum(string checksummed)
    {
        var upper = "0x" + checksummed[2..].ToUpperInvariant();

        Assert.Equal(checksummed.ToLowerInvariant(), Address.Parse(upper).Value);
    }

    [Theory]
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    public void Rejects_mixed_case_with_a_wrong_checksum(string text)
    {
        var error = Assert.ThrowsAny<BadInputException>(() => Address.Parse(text));

        Assert.Contains("bad checksum", error.Message, StringComparison.Ordinal);
        Assert.False(Address.TryParse(text, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData("0x")]
    [InlineData("0x12")]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("005aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")]
    [InlineData(" 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea\uff10\uff10")]
    public void Rejects_malformed_text(string? text)
    {
        Assert.ThrowsAny<BadInputException>(() => Address.Parse(text));
        Assert.False(Address.TryParse(text, out var address));
        Assert.Equal(default, address);
    }

    [Fact]
    public void Error_message_names_the_input_and_the_expected_form()
    {
        var error = Assert.ThrowsAny<BadInputException>(() => Address.Parse("0x12", "input.owner"));

        Assert.Equal("'0x12' is not an address: expected 0x followed by 40 hex digits", error.Message);
        Assert.Equal("input.owner", error.Field);
        Assert.Equal(ErrorCode.BadUserInput, error.Code);
    }

    [Fact]
    public void Error_message_for_missing_input_says_it_is_required()
    {
        var error = Assert.ThrowsAny<BadInputException>(() => Address.Parse(null));

        Assert.Equal("An address is required: expected 0x followed by 40 hex digits", error.Message);
    }

    [Fact]
    public void Differently_cased_inputs_are_equal()
    {
        var checksummed = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var lower = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var upper = Address.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");

        Assert.Equal(checksummed, lower);
        Assert.True(lower == upper);
        Assert.Equal(checksummed.GetHashCode(), upper.GetHashCode());
        Assert.NotEqual(checksummed, Address.Parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"));
    }

    [Fact]
    public void Zero_is_the_default_and_equals_the_parsed_zero_address()
    {
        var parsed = Address.Parse("0x0000000000000000000000000000000000000000");

        Assert.Equal(Address.Zero, default);
        Assert.Equal(parsed, Address.Zero);
        Assert.Equal(parsed.GetHashCode(), Address.Zero.GetHashCode());
        Assert.Equal("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
        Assert.Equal(new byte[20], Address.Zero.ToBytes());
    }

    [Fact]
    public void Bytes_round_trip()
    {
        var address = Address.Parse("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");

        var bytes = address.ToBytes();

        Assert.Equal(Address.ByteLength, bytes.Length);
        Assert.Equal(0xD1, bytes[0]);
        Assert.Equal(0xDB, bytes[^1]);
        Assert.Equal(address, Address.FromBytes(bytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(32)]
    public void FromBytes_rejects_a_wrong_length(int length)
    {
        var error = Assert.ThrowsAny<BadInputException>(() => Address.FromBytes(new byte[length]));

        Assert.Contains("20 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Works_through_IParsable()
    {
        Assert.Equal(Address.Zero, ParsableParse<Address>("0x0000000000000000000000000000000000000000"));
        Assert.False(ParsableTryParse<Address>("0x0"));
    }

    private static T ParsableParse<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);

    private static bool ParsableTryParse<T>(string text)
        where T : IParsable<T> => T.TryParse(text, provider: null, out _);
}
