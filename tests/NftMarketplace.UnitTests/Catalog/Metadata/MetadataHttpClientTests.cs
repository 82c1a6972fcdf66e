using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.Modules.Catalog.Metadata;

namespace NftMarketplace.UnitTests.Catalog.Metadata;

/// <summary>
/// The SSRF guard against a real HTTP server on 127.0.0.1 (Kestrel, real sockets): refused by default as loopback,
/// reachable only through the explicit allowance, and every way around it refused with its reason.
/// </summary>
public sealed class MetadataHttpClientTests(MetadataServer server) : IClassFixture<MetadataServer>
{
    [Fact]
    public async Task Loopback_is_refused_by_default_before_any_request_reaches_it()
    {
        var before = server.Requests;
        using var client = Client();

        var result = await client.GetAsync(server.Url("/ok"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.BlockedAddress, result.ErrorCode);
        Assert.Contains("127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, server.Requests);
    }

    [Fact]
    public async Task Loopback_is_fetched_when_the_setting_allows_its_network()
    {
        using var client = Client("127.0.0.0/8");

        var result = await client.GetAsync(server.Url("/ok"), TestContext.Current.CancellationToken);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal("{\"name\":\"ok\"}", Encoding.UTF8.GetString(result.Content));
        Assert.Equal("application/json", result.MediaType);
    }

    [Fact]
    public async Task A_single_allowed_address_lets_only_that_address_through()
    {
        using var client = Client("127.0.0.1");

        var allowed = await client.GetAsync(server.Url("/ok"), TestContext.Current.CancellationToken);
        var other = await client.GetAsync(new Uri("http://127.0.0.2:9/"), TestContext.Current.CancellationToken);

        Assert.True(allowed.IsOk, allowed.Error);
        Assert.Equal(MetadataErrorCode.BlockedAddress, other.ErrorCode);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused()
    {
        using var client = Client();

        var result = await client.GetAsync(new Uri($"http://localhost:{server.Port}/ok"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.BlockedAddress, result.ErrorCode);
        Assert.Contains("localhost", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/1.json")]
    [InlineData("http://192.168.1.1/1.json")]
    [InlineData("http://[::ffff:192.168.1.1]/1.json")]
    [InlineData("http://[fd00::1]/1.json")]
    public async Task A_redirect_to_a_private_address_is_refused(string target)
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/redirect?to=" + Uri.EscapeDataString(target)), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.BlockedAddress, result.ErrorCode);
        Assert.Contains(new Uri(target).Authority, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_within_the_limit_are_followed()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/hops?n=3"), TestContext.Current.CancellationToken);

        Assert.True(result.IsOk, result.Error);
    }

    [Fact]
    public async Task More_than_three_redirects_are_refused()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/hops?n=4"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.HttpStatus, result.ErrorCode);
        Assert.Contains("more than 3 redirects", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/redirect?to=" + Uri.EscapeDataString("file:///etc/passwd")), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.UnsupportedUri, result.ErrorCode);
        Assert.Contains("'file'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/big-chunked")]
    public async Task A_body_past_the_size_cap_is_refused(string path)
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url(path), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.TooLarge, result.ErrorCode);
        Assert.Contains("larger than 5242880 bytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_at_the_size_cap_is_read()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/at-cap"), TestContext.Current.CancellationToken);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(MetadataNormalizer.MaxBytes, result.Content.Length);
    }

    [Theory]
    [InlineData("/slow-headers")]
    [InlineData("/slow-body")]
    public async Task A_slow_server_is_cut_at_the_time_cap(string path)
    {
        using var client = Client("127.0.0.1/32", timeout: TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var result = await client.GetAsync(server.Url(path), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.Timeout, result.ErrorCode);
        Assert.Contains("within 1 s", result.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cut after {watch.Elapsed}");
    }

    [Fact]
    public async Task An_html_page_is_not_read_as_metadata()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/html"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.InvalidJson, result.ErrorCode);
        Assert.Contains("text/html", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_is_recorded()
    {
        using var client = Client("127.0.0.1/32");

        var result = await client.GetAsync(server.Url("/missing"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.HttpStatus, result.ErrorCode);
        Assert.Contains("HTTP 404", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://127.255.255.254:9/")]
    [InlineData("http://10.1.2.3:9/")]
    [InlineData("http://172.16.0.1:9/")]
    [InlineData("http://172.31.255.255:9/")]
    [InlineData("http://192.168.0.1:9/")]
    [InlineData("http://169.254.169.254:9/")]
    [InlineData("http://169.254.1.1:9/")]
    [InlineData("http://100.64.0.1:9/")]
    [InlineData("http://100.127.255.254:9/")]
    [InlineData("http://224.0.0.1:9/")]
    [InlineData("http://239.255.255.250:9/")]
    [InlineData("http://255.255.255.255:9/")]
    [InlineData("http://0.0.0.0:9/")]
    [InlineData("http://0.1.2.3:9/")]
    [InlineData("http://[::]:9/")]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://[fc00::1]:9/")]
    [InlineData("http://[fd12:3456::1]:9/")]
    [InlineData("http://[fe80::1]:9/")]
    [InlineData("http://[ff02::1]:9/")]
    [InlineData("http://[::ffff:127.0.0.1]:9/")]
    [InlineData("http://[::ffff:169.254.169.254]:9/")]
    [InlineData("http://[::ffff:10.0.0.1]:9/")]
    [InlineData("http://[64:ff9b::7f00:1]:9/")]
    [InlineData("http://[2002:7f00:1::]:9/")]
    [InlineData("http://2130706433:9/")]
    [InlineData("http://0x7f.1:9/")]
    public async Task Internal_and_special_addresses_are_refused(string url)
    {
        using var client = Client();

        var result = await client.GetAsync(new Uri(url), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.BlockedAddress, result.ErrorCode);
    }

    [Fact]
    public async Task An_allowance_opens_only_its_own_network()
    {
        using var client = Client("127.0.0.0/8");

        var result = await client.GetAsync(new Uri("http://10.0.0.1:9/"), TestContext.Current.CancellationToken);

        Assert.Equal(MetadataErrorCode.BlockedAddress, result.ErrorCode);
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("localhost", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("", false)]
    public void Allowed_networks_are_addresses_or_cidr(string network, bool valid)
    {
        var options = new MetadataFetchOptions();
        options.AllowedPrivateNetworks.Add(network);

        Assert.Equal(valid, !options.Validate().Any());
    }

    private static MetadataHttpClient Client(string? allowed = null, TimeSpan? timeout = null)
    {
        var options = new MetadataFetchOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        if (allowed is not null)
        {
            options.AllowedPrivateNetworks.Add(allowed);
        }

        return new MetadataHttpClient(Options.Create(options), TimeProvider.System);
    }
}

/// <summary>A Kestrel server on 127.0.0.1 with a free port, serving the cases of <see cref="MetadataHttpClientTests"/>.</summary>
public sealed class MetadataServer : IAsyncLifetime
{
    private WebApplication? _app;
    private int _requests;

    public int Port { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string pathAndQuery) => new($"http://127.0.0.1:{Port}{pathAndQuery}");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            Interlocked.Increment(ref _requests);
            return next(context);
        });
        _app.MapGet("/ok", () => Results.Text("{\"name\":\"ok\"}", "application/json"));
        _app.MapGet("/redirect", (string to) => Results.Redirect(to));
        _app.MapGet("/hops", (int n) => n <= 0 ? Results.Text("{}", "application/json") : Results.Redirect($"/hops?n={n - 1}"));
        _app.MapGet("/big", () => Results.Bytes(new byte[MetadataNormalizer.MaxBytes + 1], "application/json"));
        _app.MapGet("/at-cap", () => Results.Bytes(new byte[MetadataNormalizer.MaxBytes], "application/json"));
        _app.MapGet("/big-chunked", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            var chunk = new byte[64 * 1024];
            // No Content-Length: the cap has to hold while reading. Stops after 8 MB either way.
            for (var i = 0; i < 128 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        _app.MapGet("/slow-headers", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        _app.MapGet("/slow-body", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\":", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        _app.MapGet("/html", () => Results.Text("<html></html>", "text/html"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
