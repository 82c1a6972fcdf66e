using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.UnitTests.Auth.Siwe;

public sealed class SiweMessageTests
{
    private const string Address = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
    private const string Header = "example.com wants you to sign in with your Ethereum account:";

    private static readonly SiweFields Minimal = new()
    {
        Domain = "example.com",
        Address = Address,
        Uri = "https://example.com/login",
        Version = "1",
        ChainId = "1",
        Nonce = "32891757",
        IssuedAt = "2021-09-30T16:25:24.000Z",
    };

    private static string Lines(params string[] lines) => string.Join('\n', lines);

    private static string MinimalText(params string[] statementBlock) =>
        Lines([Header, Address, "", .. statementBlock, "", "URI: https://example.com/login", "Version: 1", "Chain ID: 1",
            "Nonce: 32891757", "Issued At: 2021-09-30T16:25:24.000Z"]);

    [Fact]
    public void A_message_without_statement_has_two_empty_lines_after_the_address_and_round_trips()
    {
        var text = MinimalText();

        var message = SiweMessage.Create(Minimal);

        Assert.Equal(text, message.ToString());
        Assert.Null(SiweMessage.Parse(text).Statement);
        Assert.Equal(text, SiweMessage.Parse(text).ToString());
    }

    [Fact]
    public void An_empty_statement_is_a_statement_and_round_trips()
    {
        var text = MinimalText("");

        var message = SiweMessage.Create(Minimal with { Statement = "" });

        Assert.Equal(text, message.ToString());
        Assert.Equal("", SiweMessage.Parse(text).Statement);
        Assert.Equal(text, SiweMessage.Parse(text).ToString());
    }

    [Fact]
    public void A_message_with_every_optional_field_round_trips_exactly()
    {
        var text = Lines(
            "https://example.com:8443 wants you to sign in with your Ethereum account:",
            Address,
            "",
            "Sign in to the marketplace; you accept the terms at https://example.com/tos.",
            "",
            "URI: https://example.com:8443/login?next=%2Fme#top",
            "Version: 1",
            "Chain ID: 31337",
            "Nonce: abcdEFGH1234",
            "Issued At: 2030-01-02T03:04:05.678Z",
            "Expiration Time: 2030-01-02T04:14:05.678+01:00",
            "Not Before: 2030-01-02T03:04:05Z",
            "Request ID: req-1%20a",
            "Resources:",
            "- ipfs://Qme7ss3ARVgxv6rXqVPiikMJ8u2NLgmgszg13pYrDKEoiu",
            "- https://example.com/my-web2-claim.json");

        var message = SiweMessage.Parse(text);
        var rebuilt = SiweMessage.Create(message.ToFields());

        Assert.Equal(text, message.ToString());
        Assert.Equal(text, rebuilt.ToString());
        Assert.Equal(("https", "example.com:8443", 31337L, "req-1%20a"), (message.Scheme, message.Domain, message.ChainId, message.RequestId));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 14, 5, 678, TimeSpan.Zero), message.ExpirationTime!.Value);
        Assert.Equal(TimeSpan.FromHours(1), message.ExpirationTime.Value.Offset);
        Assert.Equal(["ipfs://Qme7ss3ARVgxv6rXqVPiikMJ8u2NLgmgszg13pYrDKEoiu", "https://example.com/my-web2-claim.json"], message.Resources);
    }

    [Fact]
    public void A_resources_section_listing_none_round_trips()
    {
        var text = MinimalText() + "\nRequest ID: \nResources:";

        var message = SiweMessage.Parse(text);

        Assert.Equal("", message.RequestId);
        Assert.Empty(message.Resources!);
        Assert.Equal(text, message.ToString());
        Assert.Null(SiweMessage.Create(Minimal).Resources);
    }

    [Fact]
    public void Oversized_input_is_refused_before_it_is_read()
    {
        var text = MinimalText() + "\nRequest ID: " + new string('a', SiweMessage.MaxLength);

        Assert.False(SiweMessage.TryParse(text, out _, out var error));
        Assert.Contains("at most 16384", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flood_of_lines_is_refused()
    {
        var text = MinimalText() + "\nResources:" + string.Concat(Enumerable.Repeat("\n- a:b", SiweMessage.MaxLines));

        Assert.False(SiweMessage.TryParse(text, out _, out var error));
        Assert.Contains("lines", error, StringComparison.Ordinal);
        Assert.False(SiweMessage.TryParse(new string('\n', SiweMessage.MaxLength), out _, out _));
    }

    [Fact]
    public void Building_obeys_the_same_limits_as_parsing()
    {
        var tooMany = Minimal with { Resources = [.. Enumerable.Repeat("a:b", SiweMessage.MaxResources + 1)] };
        var tooLong = Minimal with { Resources = [.. Enumerable.Repeat("https://example.com/" + new string('r', 200), SiweMessage.MaxResources)] };

        Assert.Equal("resources", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(tooMany)).SiweField);
        Assert.Contains("at most 16384", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(tooLong)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_names_the_line_and_field()
    {
        var text = MinimalText().Replace("Version: 1", "Version: 3", StringComparison.Ordinal);

        var error = Assert.Throws<SiweMessageException>(() => SiweMessage.Parse(text, "input.message"));

        Assert.Equal((6, "version", "input.message"), (error.Line, error.SiweField, error.Field));
        Assert.StartsWith("Invalid SIWE message, line 6 (version): '3' is not a supported version", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\nExtra: field")]
    [InlineData("\nResources:\n- https://example.com\n")]
    public void Nothing_may_follow_the_last_field(string suffix)
    {
        Assert.False(SiweMessage.TryParse(MinimalText() + suffix, out _, out _));
    }

    [Fact]
    public void Crlf_line_endings_are_refused()
    {
        Assert.False(SiweMessage.TryParse(MinimalText().Replace("\n", "\r\n", StringComparison.Ordinal), out _, out _));
    }

    [Theory]
    [InlineData("Statement with a \"quote\"")]
    [InlineData("Accents: café")]
    [InlineData("Tab\there")]
    [InlineData("50% off")]
    public void A_statement_is_printable_ascii_from_the_abnf(string statement)
    {
        var error = Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { Statement = statement }));

        Assert.Equal("statement", error.SiweField);
    }

    [Fact]
    public void A_lowercase_address_is_refused_with_its_checksum_form()
    {
        var error = Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { Address = Address.ToLowerInvariant() }));

        Assert.Equal("address", error.SiweField);
        Assert.Contains(Address, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("sub.example.com:3000")]
    [InlineData("user:pass@example.com")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[2001:db8::1]:443")]
    [InlineData("[::ffff:192.0.2.1]")]
    [InlineData("[v1.fe80::a+en1]")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("ex%41mple.com")]
    public void Domains_are_rfc3986_authorities(string domain)
    {
        var message = SiweMessage.Create(Minimal with { Domain = domain });

        Assert.Equal(domain, SiweMessage.Parse(message.ToString()).Domain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#notrfc4501")]
    [InlineData("example.com/path")]
    [InlineData("exa mple.com")]
    [InlineData("example.com:80a")]
    [InlineData("[::cafe")]
    [InlineData("[1:2:3:4:5:6:7:8:9]")]
    [InlineData("[::1::2]")]
    [InlineData("[::256.0.0.1]")]
    [InlineData("a@b@example.com")]
    [InlineData("ex%4mple.com")]
    [InlineData("bücher.example")]
    [InlineData("user@:8080")]
    public void Other_domains_are_refused(string domain)
    {
        Assert.Equal("domain", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { Domain = domain })).SiweField);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("https://[::cafe]:4361/a/b?c=d&e#f?g/h")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("did:pkh:eip155:1:0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")]
    [InlineData("file:///etc/hosts")]
    [InlineData("mailto:someone@example.com")]
    public void Uris_are_absolute_rfc3986_uris(string uri)
    {
        Assert.Equal(uri, SiweMessage.Create(Minimal with { Uri = uri, Resources = [uri] }).Uri);
    }

    [Theory]
    [InlineData(":not_a_rfc3986_valid_uri_")]
    [InlineData("/relative/path")]
    [InlineData("example.com")]
    [InlineData("https://exa mple.com")]
    [InlineData("https://example.com/%zz")]
    [InlineData("https://example.com/a#b#c")]
    [InlineData("1https://example.com")]
    [InlineData("https://[::cafe/")]
    [InlineData("https://example.com/\u00e9")]
    public void Other_uris_are_refused(string uri)
    {
        Assert.Equal("uri", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { Uri = uri })).SiweField);
        Assert.Equal("resources[1]", Assert.Throws<SiweMessageException>(
            () => SiweMessage.Create(Minimal with { Resources = ["https://example.com", uri] })).SiweField);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("")]
    public void Chain_ids_are_positive_decimal_numbers_without_leading_zeros(string chainId)
    {
        Assert.Equal("chainId", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { ChainId = chainId })).SiweField);
        Assert.Equal(long.MaxValue, SiweMessage.Create(Minimal with { ChainId = "9223372036854775807" }).ChainId);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("abcd-efgh")]
    [InlineData("abcdefgh ")]
    [InlineData("ábcdefgh")]
    public void Nonces_are_at_least_eight_ascii_letters_or_digits(string nonce)
    {
        Assert.Equal("nonce", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { Nonce = nonce })).SiweField);
    }

    [Theory]
    [InlineData("some_id")]
    [InlineData("a:b@c!$&'()*+,;=~.-%20")]
    public void Request_ids_are_path_characters(string requestId)
    {
        Assert.Equal(requestId, SiweMessage.Create(Minimal with { RequestId = requestId }).RequestId);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("%2")]
    public void Other_request_ids_are_refused(string requestId)
    {
        Assert.Equal("requestId", Assert.Throws<SiweMessageException>(() => SiweMessage.Create(Minimal with { RequestId = requestId })).SiweField);
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("address")]
    [InlineData("uri")]
    [InlineData("version")]
    [InlineData("chainId")]
    [InlineData("nonce")]
    [InlineData("issuedAt")]
    public void Required_fields_are_named_when_missing(string field)
    {
        var fields = field switch
        {
            "domain" => Minimal with { Domain = null },
            "address" => Minimal with { Address = null },
            "uri" => Minimal with { Uri = null },
            "version" => Minimal with { Version = null },
            "chainId" => Minimal with { ChainId = null },
            "nonce" => Minimal with { Nonce = null },
            _ => Minimal with { IssuedAt = null },
        };

        var error = Assert.Throws<SiweMessageException>(() => SiweMessage.Create(fields));

        Assert.Equal(field, error.SiweField);
        Assert.EndsWith($"{field} is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00+00:00")]
    [InlineData("2021-09-30t16:25:24.1234567891z", "2021-09-30T16:25:24.1234567+00:00")]
    [InlineData("2021-09-30T16:25:24-02:00", "2021-09-30T16:25:24-02:00")]
    [InlineData("2021-09-30T16:25:24-00:00", "2021-09-30T16:25:24+00:00")]
    [InlineData("2021-09-30T23:59:00+23:59", "2021-09-30T00:00:00+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00+00:00")]
    [InlineData("1990-12-31T15:59:60-08:00", "1991-01-01T00:00:00+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    public void Timestamps_are_rfc3339_date_times_kept_as_written(string text, string instant)
    {
        var message = SiweMessage.Create(Minimal with { IssuedAt = text, ExpirationTime = text, NotBefore = text });

        Assert.Equal(text, message.IssuedAt.Text);
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), message.IssuedAt.Value);
        Assert.Equal(text, SiweMessage.Parse(message.ToString()).NotBefore!.Text);
    }

    [Theory]
    [InlineData("2022-02-31T17:09:38.578Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2100-02-29T00:00:00Z")]
    [InlineData("2021-04-31T00:00:00Z")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("2021-00-01T00:00:00Z")]
    [InlineData("2021-09-30T24:00:00Z")]
    [InlineData("2021-09-30T16:60:00Z")]
    [InlineData("2021-09-30T16:25:60Z")]
    [InlineData("2021-09-30T16:25:24")]
    [InlineData("2021-09-30 16:25:24Z")]
    [InlineData("2021-09-30T16:25:24.Z")]
    [InlineData("2021-09-30T16:25:24+0200")]
    [InlineData("2021-09-30T16:25:24+24:00")]
    [InlineData("2021-9-30T16:25:24Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("Wed Oct 05 2011 16:48:00 GMT+0200 (CEST)")]
    [InlineData("")]
    public void Impossible_or_malformed_timestamps_are_refused(string text)
    {
        Assert.False(SiweTimestamp.TryParse(text, out _, out _));
        Assert.Equal("expirationTime", Assert.Throws<SiweMessageException>(
            () => SiweMessage.Create(Minimal with { ExpirationTime = text })).SiweField);
    }

    [Fact]
    public void Timestamps_built_from_an_instant_use_the_reference_libraries_form()
    {
        var timestamp = SiweTimestamp.FromInstant(new DateTimeOffset(2021, 9, 30, 18, 25, 24, TimeSpan.FromHours(2)).AddTicks(12345));

        Assert.Equal("2021-09-30T16:25:24.001Z", timestamp.Text);
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 16, 25, 24, 1, TimeSpan.Zero), timestamp.Value);
    }
}
