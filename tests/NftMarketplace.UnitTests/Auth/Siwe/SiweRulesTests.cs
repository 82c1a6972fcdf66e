using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.UnitTests.Auth.Siwe;

public sealed class SiweRulesTests
{
    private static readonly DateTimeOffset IssuedAt = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset NotBefore = IssuedAt.AddMinutes(5);
    private static readonly DateTimeOffset ExpiresAt = IssuedAt.AddMinutes(30);
    private static readonly TimeSpan Skew = SiweExpectations.DefaultClockSkew;

    private static readonly SiweFields Fields = new()
    {
        Domain = "app.example.com",
        Address = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
        Uri = "https://app.example.com/sign-in",
        Version = "1",
        ChainId = "1",
        Nonce = "n0nceN0nce",
        IssuedAt = SiweTimestamp.FromInstant(IssuedAt).Text,
        NotBefore = SiweTimestamp.FromInstant(NotBefore).Text,
        ExpirationTime = SiweTimestamp.FromInstant(ExpiresAt).Text,
    };

    private static readonly SiweExpectations Expected = new()
    {
        Domain = "app.example.com",
        Nonce = "n0nceN0nce",
        Now = NotBefore.AddMinutes(1),
    };

    private static SiweFailureReason? Check(SiweFields fields, SiweExpectations expected) =>
        SiweRules.Check(SiweMessage.Create(fields), expected)?.Reason;

    [Fact]
    public void A_message_for_us_with_our_nonce_inside_its_window_passes()
    {
        Assert.Null(SiweRules.Check(SiweMessage.Create(Fields), Expected));
        Assert.True(Expected.RequireUriOfDomain);
        Assert.True(Expected.RejectIssuedInFuture);
    }

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("app.example.com:8443")]
    [InlineData("user@app.example.com")]
    [InlineData("example.com")]
    public void A_message_for_another_domain_fails(string expectedDomain)
    {
        var failure = SiweRules.Check(SiweMessage.Create(Fields), Expected with { Domain = expectedDomain });

        Assert.Equal(SiweFailureReason.DomainMismatch, failure?.Reason);
        Assert.Contains(expectedDomain, failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_is_compared_case_insensitively_and_the_rest_exactly()
    {
        var fields = Fields with { Domain = "User@App.Example.com:8443", Uri = "https://User@app.example.COM:8443/" };

        Assert.Null(Check(fields, Expected with { Domain = "User@app.example.com:8443" }));
        Assert.Equal(SiweFailureReason.DomainMismatch, Check(fields, Expected with { Domain = "user@app.example.com:8443" }));
    }

    [Theory]
    [InlineData("https://other.example.com/sign-in")]
    [InlineData("https://app.example.com:444/sign-in")]
    [InlineData("https://app.example.com.evil.io/")]
    [InlineData("urn:app.example.com")]
    public void The_uri_must_be_on_the_domain_when_required(string uri)
    {
        var fields = Fields with { Uri = uri };

        Assert.Equal(SiweFailureReason.UriNotOfDomain, Check(fields, Expected));
        Assert.Null(Check(fields, Expected with { RequireUriOfDomain = false }));
    }

    [Fact]
    public void A_scheme_in_the_message_must_be_the_expected_one()
    {
        Assert.Equal(SiweFailureReason.SchemeMismatch, Check(Fields with { Scheme = "http" }, Expected with { Scheme = "https" }));
        Assert.Null(Check(Fields with { Scheme = "HTTPS" }, Expected with { Scheme = "https" }));
        Assert.Null(Check(Fields, Expected with { Scheme = "https" }));
    }

    [Fact]
    public void Another_nonce_fails_and_no_expected_nonce_skips_the_check()
    {
        Assert.Equal(SiweFailureReason.NonceMismatch, Check(Fields, Expected with { Nonce = "otherNonce1" }));
        Assert.Equal(SiweFailureReason.NonceMismatch, Check(Fields, Expected with { Nonce = "N0NCEN0NCE" }));
        Assert.Null(Check(Fields, Expected with { Nonce = null }));
    }

    [Fact]
    public void Issued_in_the_future_beyond_the_skew_fails()
    {
        var fields = Fields with { NotBefore = null };

        Assert.Null(Check(fields, Expected with { Now = IssuedAt - Skew }));
        Assert.Equal(SiweFailureReason.IssuedInFuture, Check(fields, Expected with { Now = IssuedAt - Skew - TimeSpan.FromMilliseconds(1) }));
        Assert.Equal(SiweFailureReason.IssuedInFuture, Check(fields, Expected with { Now = IssuedAt.AddSeconds(-10), ClockSkew = TimeSpan.Zero }));
        Assert.Null(Check(fields, Expected with { Now = IssuedAt.AddYears(-1), RejectIssuedInFuture = false }));
    }

    [Fact]
    public void Expired_once_the_expiration_time_plus_skew_is_reached()
    {
        Assert.Null(Check(Fields, Expected with { Now = ExpiresAt + Skew - TimeSpan.FromMilliseconds(1) }));
        Assert.Equal(SiweFailureReason.Expired, Check(Fields, Expected with { Now = ExpiresAt + Skew }));
        Assert.Equal(SiweFailureReason.Expired, Check(Fields, Expected with { Now = ExpiresAt, ClockSkew = TimeSpan.Zero }));
    }

    [Fact]
    public void Not_yet_valid_before_not_before_minus_skew()
    {
        Assert.Null(Check(Fields, Expected with { Now = NotBefore - Skew }));
        Assert.Equal(SiweFailureReason.NotYetValid, Check(Fields, Expected with { Now = NotBefore - Skew - TimeSpan.FromMilliseconds(1) }));
    }

    [Fact]
    public void Dates_at_the_ends_of_the_calendar_do_not_overflow()
    {
        var fields = Fields with
        {
            IssuedAt = "0001-01-01T00:00:00Z",
            NotBefore = "0001-01-01T00:00:00Z",
            ExpirationTime = "9999-12-31T23:59:59.9999999Z",
        };

        Assert.Null(Check(fields, Expected with { Now = DateTimeOffset.MinValue }));
        Assert.Null(Check(fields, Expected with { Now = DateTimeOffset.MaxValue.AddMinutes(-2) }));
        Assert.Equal(SiweFailureReason.IssuedInFuture, Check(fields with { IssuedAt = "9999-12-31T23:59:59Z" }, Expected with { Now = DateTimeOffset.MinValue }));
    }

    [Fact]
    public void Invalid_expectations_are_a_programming_error()
    {
        var message = SiweMessage.Create(Fields);

        Assert.Throws<ArgumentException>(() => SiweRules.Check(message, Expected with { Domain = "https://app.example.com" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SiweRules.Check(message, Expected with { ClockSkew = TimeSpan.FromSeconds(-1) }));
    }
}
