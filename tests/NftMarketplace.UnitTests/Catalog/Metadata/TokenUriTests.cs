using System.Numerics;
using System.Text;
using NftMarketplace.Modules.Catalog.Metadata;

namespace NftMarketplace.UnitTests.Catalog.Metadata;

public sealed class TokenUriTests
{
    private const string CidV1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
    private const string CidV0 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

    [Theory]
    [InlineData("ipfs://" + CidV1, CidV1, "")]
    [InlineData("ipfs://" + CidV1 + "/1.json", CidV1, "/1.json")]
    [InlineData("ipfs://" + CidV1 + "/meta/1.json?x=1#f", CidV1, "/meta/1.json")]
    [InlineData("ipfs://ipfs/" + CidV1 + "/1.json", CidV1, "/1.json")]
    [InlineData("IPFS://" + CidV0 + "/1", CidV0, "/1")]
    [InlineData("ipfs:///" + CidV0, CidV0, "")]
    [InlineData("  ipfs://" + CidV1 + "  ", CidV1, "")]
    [InlineData(CidV1 + "/7", CidV1, "/7")]
    [InlineData(CidV0, CidV0, "")]
    public void Ipfs_uris_name_a_cid_and_a_path(string uri, string cid, string path)
    {
        Assert.Equal(new IpfsPlan(cid, path), TokenUri.Plan(uri));
    }

    [Theory]
    [InlineData("https://ipfs.io/ipfs/" + CidV1 + "/1.json", CidV1, "/1.json")]
    [InlineData("https://gateway.pinata.cloud/ipfs/" + CidV0, CidV0, "")]
    public void A_gateway_url_reads_like_ipfs_and_keeps_the_url(string uri, string cid, string path)
    {
        var plan = Assert.IsType<IpfsPlan>(TokenUri.Plan(uri));

        Assert.Equal((cid, path, new Uri(uri)), (plan.Cid, plan.Path, plan.Gateway));
    }

    [Theory]
    [InlineData("ipfs://not-a-cid/1.json")]
    [InlineData("ipfs://")]
    [InlineData("ipfs://Qm123")]
    [InlineData("ipfs://bafy!!!" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void An_ipfs_uri_without_a_cid_is_unsupported(string uri)
    {
        var refused = Assert.IsType<RefusedPlan>(TokenUri.Plan(uri));

        Assert.Equal(MetadataErrorCode.UnsupportedUri, refused.ErrorCode);
        Assert.Contains("not a CID", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arweave_uris_name_a_transaction_and_a_path()
    {
        const string Id = "bNbA3TEQVL60xlgCcqdz4ZPHFZ711cZ3hmkpGttDt_U";

        Assert.Equal(new ArweavePlan(Id, ""), TokenUri.Plan("ar://" + Id));
        Assert.Equal(new ArweavePlan(Id, "/1.json"), TokenUri.Plan("ar://" + Id + "/1.json"));
        Assert.Equal(MetadataErrorCode.UnsupportedUri, Assert.IsType<RefusedPlan>(TokenUri.Plan("ar://short")).ErrorCode);
    }

    [Theory]
    [InlineData("data:application/json;base64,eyJuYW1lIjoiQSJ9", "application/json")]
    [InlineData("data:application/json;base64,eyJuYW1lIjoiQSJ9\n", "application/json")]
    [InlineData("data:application/json;base64,eyJuYW1lIjoi QSJ9", "application/json")]
    [InlineData("data:application/json;base64,eyJuYW1lIjoiQSJ9%3D", "application/json")]
    [InlineData("data:application/json,%7B%22name%22%3A%22A%22%7D", "application/json")]
    [InlineData("data:application/json,{\"name\":\"A\"}", "application/json")]
    [InlineData("data:application/json;utf8,{\"name\":\"A\"}", "application/json")]
    [InlineData("data:application/json;charset=utf-8,{\"name\":\"A\"}", "application/json")]
    [InlineData("DATA:Application/JSON;BASE64,eyJuYW1lIjoiQSJ9", "application/json")]
    [InlineData("data:,{\"name\":\"A\"}", "text/plain")]
    public void Data_uris_carry_their_content(string uri, string mediaType)
    {
        var plan = Assert.IsType<InlinePlan>(TokenUri.Plan(uri));

        Assert.Equal(mediaType, plan.MediaType);
        Assert.Equal("{\"name\":\"A\"}", Encoding.UTF8.GetString(plan.Content));
    }

    [Fact]
    public void Url_safe_and_unpadded_base64_decodes()
    {
        var bytes = new byte[] { 0xfb, 0xff, 0xfe };

        var plan = Assert.IsType<InlinePlan>(TokenUri.Plan("data:application/octet-stream;base64," + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=')));

        Assert.Equal(bytes, plan.Content);
    }

    [Fact]
    public void A_percent_that_escapes_nothing_stays_text()
    {
        var plan = Assert.IsType<InlinePlan>(TokenUri.Plan("data:application/json;utf8,{\"name\":\"100% #1\"}"));

        Assert.Equal("{\"name\":\"100% #1\"}", Encoding.UTF8.GetString(plan.Content));
    }

    [Theory]
    [InlineData("data:image/svg+xml;base64,PHN2Zy8+", "image/svg+xml")]
    [InlineData("data:image/svg+xml;utf8,<svg/>", "image/svg+xml")]
    [InlineData("data:image/svg+xml,%3Csvg%2F%3E", "image/svg+xml")]
    public void Svg_data_uris_carry_the_image(string uri, string mediaType)
    {
        var plan = Assert.IsType<InlinePlan>(TokenUri.Plan(uri));

        Assert.Equal((mediaType, "<svg/>"), (plan.MediaType, Encoding.UTF8.GetString(plan.Content)));
    }

    [Theory]
    [InlineData("data:application/json;base64,!!!!", "does not decode")]
    [InlineData("data:application/json;base64", "no ','")]
    public void Broken_data_uris_are_unsupported(string uri, string reason)
    {
        var refused = Assert.IsType<RefusedPlan>(TokenUri.Plan(uri));

        Assert.Equal(MetadataErrorCode.UnsupportedUri, refused.ErrorCode);
        Assert.Contains(reason, refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/meta/1.json")]
    [InlineData("http://example.com:8080/1")]
    [InlineData("HTTPS://Example.com/1")]
    [InlineData("http://127.0.0.1/1")]
    public void Http_urls_are_fetched_behind_the_guard(string uri)
    {
        Assert.Equal(new HttpPlan(new Uri(uri)), TokenUri.Plan(uri));
    }

    [Theory]
    [InlineData("file:///etc/passwd", "'file'")]
    [InlineData("ftp://example.com/1.json", "'ftp'")]
    [InlineData("gopher://127.0.0.1:6379/_INFO", "'gopher'")]
    [InlineData("javascript:alert(1)", "'javascript'")]
    [InlineData("ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8/1", "'ipns'")]
    [InlineData("/relative/1.json", "not a URI")]
    [InlineData("http:///nohost", "not an HTTP URL")]
    [InlineData("https://user:secret@example.com/1", "credentials")]
    public void Other_uris_are_unsupported_with_a_reason(string uri, string reason)
    {
        var refused = Assert.IsType<RefusedPlan>(TokenUri.Plan(uri));

        Assert.Equal(MetadataErrorCode.UnsupportedUri, refused.ErrorCode);
        Assert.Contains(reason, refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_uri_is_not_found(string? uri)
    {
        Assert.Equal(MetadataErrorCode.NotFound, Assert.IsType<RefusedPlan>(TokenUri.Plan(uri)).ErrorCode);
    }

    [Fact]
    public void A_uri_past_the_length_cap_is_too_large()
    {
        var uri = "data:application/json," + new string('a', TokenUri.MaxLength);

        Assert.Equal(MetadataErrorCode.TooLarge, Assert.IsType<RefusedPlan>(TokenUri.Plan(uri)).ErrorCode);
    }

    [Fact]
    public void Erc1155_ids_are_64_lower_case_hex_digits()
    {
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000000", TokenUri.Erc1155IdHex(BigInteger.Zero));
        // EIP-1155's own example: id 314592 → ...4cce0.
        Assert.Equal("000000000000000000000000000000000000000000000000000000000004cce0", TokenUri.Erc1155IdHex(314592));
        Assert.Equal(new string('f', 64), TokenUri.Erc1155IdHex(BigInteger.Pow(2, 256) - 1));
        Assert.Equal("8" + new string('0', 63), TokenUri.Erc1155IdHex(BigInteger.Pow(2, 255)));
    }

    [Fact]
    public void Erc1155_id_templates_are_filled_in_every_form()
    {
        const string Hex = "000000000000000000000000000000000000000000000000000000000004cce0";

        Assert.Equal(new HttpPlan(new Uri($"https://x.com/{Hex}.json")), TokenUri.Plan("https://x.com/{id}.json", 314592));
        Assert.Equal(new IpfsPlan(CidV1, $"/{Hex}.json"), TokenUri.Plan($"ipfs://{CidV1}/{{id}}.json", 314592));
        var inline = Assert.IsType<InlinePlan>(TokenUri.Plan("data:application/json,{\"name\":\"{id}\",\"again\":\"{id}\"}", 314592));
        Assert.Equal($"{{\"name\":\"{Hex}\",\"again\":\"{Hex}\"}}", Encoding.UTF8.GetString(inline.Content));
    }

    [Fact]
    public void Without_an_erc1155_id_the_template_is_left_alone()
    {
        Assert.Equal(new HttpPlan(new Uri("https://x.com/{id}.json")), TokenUri.Plan("https://x.com/{id}.json"));
    }

    [Fact]
    public void An_id_beyond_uint256_is_refused()
    {
        Assert.Equal(MetadataErrorCode.UnsupportedUri, Assert.IsType<RefusedPlan>(TokenUri.Plan("https://x.com/{id}", BigInteger.Pow(2, 256))).ErrorCode);
        Assert.Equal(MetadataErrorCode.UnsupportedUri, Assert.IsType<RefusedPlan>(TokenUri.Plan("https://x.com/{id}", -1)).ErrorCode);
    }
}
