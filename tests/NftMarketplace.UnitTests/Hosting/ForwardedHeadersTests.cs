using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.UnitTests.Hosting;

/// <summary><c>X-Forwarded-For</c> names the client only when a configured proxy sent it.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.1.2.3");

    [Fact]
    public async Task Without_configured_proxies_the_header_is_ignored_even_from_loopback()
    {
        var options = Configure([]);

        Assert.Equal(IPAddress.Loopback, await ClientAsync(options, IPAddress.Loopback, "203.0.113.5"));
        Assert.Equal(IPAddress.IPv6Loopback, await ClientAsync(options, IPAddress.IPv6Loopback, "203.0.113.5"));
        Assert.Equal(Proxy, await ClientAsync(options, Proxy, "203.0.113.5"));
    }

    [Fact]
    public async Task A_configured_proxy_or_network_names_the_client_and_no_other_peer_can()
    {
        var byAddress = Configure(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });
        var byNetwork = Configure(new() { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" });

        Assert.Equal(IPAddress.Parse("203.0.113.5"), await ClientAsync(byAddress, Proxy, "203.0.113.5"));
        Assert.Equal(IPAddress.Parse("203.0.113.5"), await ClientAsync(byNetwork, Proxy, "203.0.113.5"));
        // Loopback is not trusted just because it is loopback.
        Assert.Equal(IPAddress.Loopback, await ClientAsync(byNetwork, IPAddress.Loopback, "203.0.113.5"));
        Assert.Equal(IPAddress.Parse("198.51.100.9"), await ClientAsync(byAddress, IPAddress.Parse("198.51.100.9"), "203.0.113.5"));
        // What the client wrote in front of the proxy's entry is not believed: the proxy's entry names the client.
        Assert.Equal(IPAddress.Parse("203.0.113.5"), await ClientAsync(byAddress, Proxy, "192.0.2.66, 203.0.113.5"));
    }

    [Fact]
    public async Task The_rate_limit_partition_follows_the_client_named_by_a_configured_proxy_only()
    {
        using var limiter = new GraphQLRateLimiter(new GraphQLRateLimitOptions());
        var policy = new GraphQLRateLimitPolicy(limiter, TimeProvider.System);
        var trusted = Configure(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        var untrusted = Configure([]);

        Assert.Equal("ip:203.0.113.5", await PartitionAsync(policy, trusted, "203.0.113.5"));
        Assert.Equal("ip:127.0.0.1", await PartitionAsync(policy, untrusted, "203.0.113.5"));
        Assert.Equal("ip:127.0.0.1", await PartitionAsync(policy, untrusted, "203.0.113.6"));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    public void A_bad_entry_stops_start_up_naming_its_key(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration[key] = value;

        var refused = Assert.Throws<OptionsValidationException>(builder.AddConfiguredForwardedHeaders);

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    private static IOptions<ForwardedHeadersOptions> Configure(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddConfiguredForwardedHeaders();
        return builder.Services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>();
    }

    private static async Task<HttpContext> ForwardAsync(IOptions<ForwardedHeadersOptions> options, IPAddress peer, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = peer;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, options).Invoke(context);
        return context;
    }

    private static async Task<IPAddress?> ClientAsync(IOptions<ForwardedHeadersOptions> options, IPAddress peer, string forwardedFor) =>
        (await ForwardAsync(options, peer, forwardedFor)).Connection.RemoteIpAddress;

    private static async Task<string> PartitionAsync(GraphQLRateLimitPolicy policy, IOptions<ForwardedHeadersOptions> options, string forwardedFor) =>
        policy.GetPartition(await ForwardAsync(options, IPAddress.Loopback, forwardedFor)).PartitionKey;
}
