using System.Text;
using System.Text.Json;
using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Metadata.Fetching;

namespace NftMarketplace.UnitTests.Catalog.Metadata;

/// <summary>The metadata fetcher's pure parts: the ABI string of <c>tokenURI</c>, the back-off, what is retried, traits as stored.</summary>
public sealed class MetadataFetchingTests
{
    [Fact]
    public void A_token_uri_is_read_from_its_abi_encoded_string()
    {
        var uri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json";
        var bytes = Encoding.UTF8.GetBytes(uri);
        var padded = (bytes.Length + 31) / 32 * 32;
        var encoded = "0x" + Word(32) + Word(bytes.Length) + Convert.ToHexStringLower(bytes) + new string('0', (padded - bytes.Length) * 2);

        Assert.Equal(uri, TokenUriReader.DecodeString(encoded));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0x")]
    [InlineData("not hex")]
    // An offset past the end, and a length past the end.
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000ff0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0x000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000ff")]
    public void An_answer_that_is_no_abi_string_is_no_uri(string? answer) => Assert.Null(TokenUriReader.DecodeString(answer));

    [Fact]
    public void The_back_off_doubles_from_the_retry_delay_up_to_its_cap()
    {
        var options = new MetadataWorkerOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(3) };

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)],
            new[] { 1, 2, 3, 4, 100 }.Select(options.Backoff));
    }

    [Fact]
    public void Bad_worker_settings_are_refused_by_name()
    {
        var problems = new MetadataWorkerOptions { Concurrency = 0, RetryDelay = TimeSpan.Zero, RefreshCooldown = TimeSpan.FromSeconds(-1) }.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Catalog:Metadata:Worker:Concurrency", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Catalog:Metadata:Worker:RetryDelay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Catalog:Metadata:Worker:RefreshCooldown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MetadataErrorCode.InvalidJson, true)]
    [InlineData(MetadataErrorCode.BlockedAddress, true)]
    [InlineData(MetadataErrorCode.UnsupportedUri, true)]
    [InlineData(MetadataErrorCode.TooLarge, true)]
    [InlineData(MetadataErrorCode.Timeout, false)]
    [InlineData(MetadataErrorCode.HttpStatus, false)]
    [InlineData(MetadataErrorCode.RpcError, false)]
    [InlineData(MetadataErrorCode.NotFound, false)]
    public void Only_failures_that_time_can_mend_are_retried(string code, bool permanent) =>
        Assert.Equal(permanent, MetadataFetcher.IsPermanent(code));

    [Fact]
    public void A_gateway_list_must_be_http_urls()
    {
        var options = new MetadataFetchOptions { ArweaveGateway = "ftp://arweave.net" };
        options.IpfsGateways.Add("https://gateway.example/");
        options.IpfsGateways.Add("gateway.example");

        var problems = options.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Equal([new Uri("https://gateway.example/")], new MetadataFetchOptions { IpfsGateways = { "https://gateway.example" } }.Gateways);
        Assert.Equal([new Uri("https://ipfs.io/")], new MetadataFetchOptions().Gateways);
    }

    [Fact]
    public void A_tokens_traits_are_grouped_as_openrarity_groups_them_with_the_last_value_of_a_repeated_name()
    {
        var metadata = Normalized("""
            {"attributes":[{"trait_type":"Hat ","value":"Cap"},{"trait_type":"HAT","value":" Crown"},{"trait_type":"Level","value":5,"display_type":"number"}]}
            """);

        Assert.Equal([("hat", "crown", (double?)null), ("level", "5", 5d)], MetadataDocuments.TokenTraits(metadata));
    }

    [Fact]
    public void Stored_attributes_keep_the_metadatas_forms_with_their_value_type()
    {
        var metadata = Normalized("""{"attributes":[{"trait_type":"Hat","value":"Cap"},{"trait_type":"Power","value":"7","display_type":"boost_number","max_value":10}]}""");

        var stored = JsonDocument.Parse(MetadataDocuments.Attributes(metadata)).RootElement;

        Assert.Equal("""{"traitType":"Hat","value":"Cap","valueType":"string"}""", stored[0].GetRawText());
        Assert.Equal(("Power", "7", "boost_number", "number", 10d), (
            stored[1].GetProperty("traitType").GetString(), stored[1].GetProperty("value").GetString(), stored[1].GetProperty("displayType").GetString(),
            stored[1].GetProperty("valueType").GetString(), stored[1].GetProperty("maxValue").GetDouble()));
    }

    [Theory]
    [InlineData("""{"banner_image":" ipfs://banner "}""", "ipfs://banner")]
    [InlineData("""{"bannerImage":"https://b.example/1.png"}""", "https://b.example/1.png")]
    [InlineData("""{"banner_image":7,"banner":"https://b.example/2.png"}""", "https://b.example/2.png")]
    [InlineData("""{"image":"ipfs://x"}""", null)]
    public void A_collection_documents_banner_is_read_from_the_spellings_collections_use(string json, string? banner) =>
        Assert.Equal(banner, CollectionDocument.Banner(Encoding.UTF8.GetBytes(json)));

    private static NormalizedMetadata Normalized(string json)
    {
        var normalization = MetadataNormalizer.Normalize(json);
        Assert.True(normalization.IsOk, normalization.Error);
        return normalization.Metadata;
    }

    private static string Word(int value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
