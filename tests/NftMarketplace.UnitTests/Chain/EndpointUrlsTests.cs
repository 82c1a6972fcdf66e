using NftMarketplace.BuildingBlocks.Chain;

namespace NftMarketplace.UnitTests.Chain;

public sealed class EndpointUrlsTests
{
    [Theory]
    [InlineData("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/***")]
    [InlineData("https://eth-mainnet.g.alchemy.com/v2/SECRETKEY", "https://eth-mainnet.g.alchemy.com/***")]
    [InlineData("https://rpc.example.org/?apikey=SECRETKEY", "https://rpc.example.org?***")]
    [InlineData("https://user:SECRETKEY@rpc.example.org:8443/", "https://rpc.example.org:8443")]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("http://[::1]:8545/rpc?key=SECRETKEY", "http://[::1]:8545/***?***")]
    public void A_url_is_shown_without_path_query_or_user_info(string url, string shown)
    {
        Assert.Equal(shown, EndpointUrls.Redact(new Uri(url)));
        Assert.DoesNotContain("SECRETKEY", EndpointUrls.Redact(new Uri(url)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_prints_as_its_display_name_never_its_url()
    {
        var endpoint = new ChainEndpoint(new Uri("https://user:SECRETKEY@rpc.example.org/v3/SECRETKEY?k=SECRETKEY"), Priority: 1);

        Assert.Equal("https://rpc.example.org/***?***", endpoint.ToString());
        Assert.Equal("infura-1", (endpoint with { Name = "infura-1" }).DisplayName);
        Assert.DoesNotContain("SECRETKEY", $"{endpoint} {new[] { endpoint }.Single()}", StringComparison.Ordinal);
    }
}
