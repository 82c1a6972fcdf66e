using System.Net;
using NftMarketplace.BuildingBlocks.Web;

namespace NftMarketplace.UnitTests.Web;

public sealed class PublicUrlTests
{
    [Theory]
    [InlineData("https://cdn.example.com/a.png")]
    [InlineData("https://images.example.org:8443/b.png?size=2#top")]
    [InlineData("https://EXAMPLE.com./a.png")]
    [InlineData("https://bücher.example/a.png")]
    [InlineData("https://8.8.8.8/a.png")]
    [InlineData("https://[2606:4700:4700::1111]/a.png")]
    [InlineData("https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")]
    public void Public_https_urls_pass(string url) => Assert.True(PublicUrl.IsValid(url), url);

    [Theory]
    // Not https, not absolute, credentials.
    [InlineData("http://example.com/a.png")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative.png")]
    [InlineData("example.com/a.png")]
    [InlineData("https://user:pass@example.com/a.png")]
    [InlineData("https://user@example.com/a.png")]
    [InlineData("")]
    [InlineData("   ")]
    // Loopback, every spelling.
    [InlineData("https://localhost/a.png")]
    [InlineData("https://LOCALHOST./a.png")]
    [InlineData("https://app.localhost/a.png")]
    [InlineData("https://127.0.0.1/a.png")]
    [InlineData("https://127.5.6.7:8443/a.png")]
    [InlineData("https://127.1/a.png")]
    [InlineData("https://2130706433/a.png")]
    [InlineData("https://0x7f.1/a.png")]
    [InlineData("https://0x7f000001/a.png")]
    [InlineData("https://0177.0.0.1/a.png")]
    [InlineData("https://017700000001/a.png")]
    [InlineData("https://[::1]/a.png")]
    [InlineData("https://[0:0:0:0:0:0:0:1]/a.png")]
    [InlineData("https://[::ffff:127.0.0.1]/a.png")]
    [InlineData("https://[::ffff:7f00:1]/a.png")]
    [InlineData("https://[::127.0.0.1]/a.png")]
    // Private, link-local (cloud metadata), CGNAT, unspecified, multicast, broadcast, documentation.
    [InlineData("https://10.1.2.3/a.png")]
    [InlineData("https://172.16.0.1/a.png")]
    [InlineData("https://172.31.255.255/a.png")]
    [InlineData("https://192.168.1.1/a.png")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.64.0.1/a.png")]
    [InlineData("https://100.127.255.254/a.png")]
    [InlineData("https://0.0.0.0/a.png")]
    [InlineData("https://0/a.png")]
    [InlineData("https://224.0.0.1/a.png")]
    [InlineData("https://239.255.255.250/a.png")]
    [InlineData("https://255.255.255.255/a.png")]
    [InlineData("https://192.0.2.1/a.png")]
    [InlineData("https://[::]/a.png")]
    [InlineData("https://[fc00::1]/a.png")]
    [InlineData("https://[fd12:3456::1]/a.png")]
    [InlineData("https://[fe80::1]/a.png")]
    [InlineData("https://[ff02::1]/a.png")]
    [InlineData("https://[::ffff:10.0.0.1]/a.png")]
    [InlineData("https://[::ffff:169.254.169.254]/a.png")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/a.png")]
    [InlineData("https://[2002:7f00:1::]/a.png")]
    [InlineData("https://[2001:db8::1]/a.png")]
    // Names of local or private networks, single labels, numeric last labels.
    [InlineData("https://printer.local/a.png")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://router.home.arpa/a.png")]
    [InlineData("https://intranet/a.png")]
    [InlineData("https://example.123/a.png")]
    public void Everything_else_is_refused(string url) => Assert.False(PublicUrl.IsValid(url), url);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("1.1.1.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("2002:808:808::", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.255.255.255", false)]
    [InlineData("100.100.100.200", false)]
    [InlineData("169.254.0.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("fe80::1%2", false)]
    [InlineData("fec0::1", false)]
    [InlineData("ff05::1", false)]
    [InlineData("100::1", false)]
    public void Resolved_addresses_are_judged_for_the_connect_time_check(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddressRules.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_url_that_passes_is_returned()
    {
        Assert.True(PublicUrl.TryParse("https://cdn.example.com/a.png", out var url));
        Assert.Equal("cdn.example.com", url.Host);
        Assert.False(PublicUrl.TryParse("https://localhost/a.png", out var refused));
        Assert.Null(refused);
    }
}
