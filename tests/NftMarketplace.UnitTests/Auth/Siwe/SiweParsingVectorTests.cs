using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.UnitTests.Auth.Siwe;

/// <summary>The parsing vectors of the reference implementation, one test row per case.</summary>
public sealed class SiweParsingVectorTests
{
    // The field names a parsing_positive case may use; anything else would be silently ignored, so it fails instead.
    private static readonly HashSet<string> KnownFields =
    [
        "scheme", "domain", "address", "statement", "uri", "version", "chainId", "nonce",
        "issuedAt", "expirationTime", "notBefore", "requestId", "resources",
    ];

    public static TheoryData<string> Positive => SiweVectors.CaseNames(SiweVectors.ParsingPositive);

    public static TheoryData<string> Negative => SiweVectors.CaseNames(SiweVectors.ParsingNegative);

    public static TheoryData<string> NegativeObjects => SiweVectors.CaseNames(SiweVectors.ParsingNegativeObjects);

    // Case counts from the vectors' README, so a truncated or emptied file cannot pass as "no failures".
    [Theory]
    [InlineData(SiweVectors.ParsingPositive, 19)]
    [InlineData(SiweVectors.ParsingNegative, 29)]
    [InlineData(SiweVectors.ParsingNegativeObjects, 18)]
    [InlineData(SiweVectors.VerificationPositive, 4)]
    [InlineData(SiweVectors.VerificationNegative, 10)]
    public void Every_vector_file_is_present_with_all_its_cases(string file, int cases)
    {
        Assert.Equal(cases, SiweVectors.CaseNames(file).Count);
    }

    [Theory]
    [MemberData(nameof(Positive))]
    public void Positive_text_parses_to_exactly_the_expected_fields_and_serialises_back_unchanged(string name)
    {
        var vector = SiweVectors.Case(SiweVectors.ParsingPositive, name);
        var text = vector.GetProperty("message").GetString()!;
        var fields = vector.GetProperty("fields");
        var expected = SiweVectors.Fields(fields);

        var message = SiweMessage.Parse(text);

        Assert.All(fields.EnumerateObject(), field => Assert.Contains(field.Name, KnownFields));
        var actual = message.ToFields();
        Assert.Equal(expected with { Resources = null }, actual with { Resources = null });
        Assert.Equal(expected.Resources, message.Resources);
        Assert.Equal(Address.Parse(expected.Address), message.ParsedAddress);
        Assert.Equal(text, message.ToString());
    }

    [Theory]
    [MemberData(nameof(Negative))]
    public void Negative_text_is_rejected_naming_the_line(string name)
    {
        var text = SiweVectors.Case(SiweVectors.ParsingNegative, name).GetString()!;

        var parsed = SiweMessage.TryParse(text, out var message, out var error);
        var exception = Assert.Throws<SiweMessageException>(() => SiweMessage.Parse(text));

        Assert.False(parsed);
        Assert.Null(message);
        Assert.Equal(error, exception.Message);
        Assert.NotNull(exception.Line);
        Assert.Contains($"line {exception.Line}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NegativeObjects))]
    public void Negative_fields_are_rejected_naming_the_field(string name)
    {
        var fields = SiweVectors.Fields(SiweVectors.Case(SiweVectors.ParsingNegativeObjects, name));

        var created = SiweMessage.TryCreate(fields, out var message, out var error);
        var exception = Assert.Throws<SiweMessageException>(() => SiweMessage.Create(fields));

        Assert.False(created);
        Assert.Null(message);
        Assert.Equal(error, exception.Message);
        Assert.NotNull(exception.SiweField);
        Assert.Contains(exception.SiweField, exception.Message, StringComparison.Ordinal);
    }
}
