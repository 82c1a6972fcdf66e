using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Http;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class RateLimitTests
{
    [Fact]
    public void A_signed_in_caller_is_counted_by_user_id()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "42")], authenticationType: "test"));

        Assert.Equal(new RateLimitKey("user:42", IsUser: true), RateLimitKey.For(user, IPAddress.Loopback));
    }

    [Fact]
    public void An_anonymous_caller_is_counted_by_IP_address()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "42")]));

        Assert.Equal(new RateLimitKey("ip:203.0.113.7", IsUser: false), RateLimitKey.For(anonymous, IPAddress.Parse("203.0.113.7")));
        Assert.Equal("ip:203.0.113.7", RateLimitKey.For(null, IPAddress.Parse("::ffff:203.0.113.7")).Value);
        Assert.Equal("ip:unknown", RateLimitKey.For(null, null).Value);
    }

    [Fact]
    public void IPv6_callers_share_a_budget_per_64_bit_prefix()
    {
        var one = RateLimitKey.For(null, IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var other = RateLimitKey.For(null, IPAddress.Parse("2001:db8:1:2:bbbb::2"));
        var elsewhere = RateLimitKey.For(null, IPAddress.Parse("2001:db8:1:3::1"));

        Assert.Equal("ip:2001:db8:1:2::/64", one.Value);
        Assert.Equal(one, other);
        Assert.NotEqual(one, elsewhere);
    }

    [Fact]
    public async Task Past_its_budget_a_caller_gets_429_with_RATE_LIMITED_and_Retry_After()
    {
        using var budgets = new GraphQLRateLimiter(new GraphQLRateLimitOptions { PerIpPermits = 2, Window = TimeSpan.FromMinutes(1) });
        var policy = new GraphQLRateLimitPolicy(budgets, TimeProvider.System);
        await using var host = await GraphQLTestHost.StartAsync();
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.1");
        context.Request.Headers.Accept = "application/graphql-response+json";
        context.Response.Body = new MemoryStream();
        var limiter = policy.GetPartition(context).Factory("ip:198.51.100.1");

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        await policy.OnRejected!(new OnRejectedContext { HttpContext = context, Lease = refused }, CancellationToken.None);

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal(GraphQLMediaTypes.ContentTypeFor(ResponseMediaType.GraphQLResponseJson), context.Response.ContentType);
        Assert.True(int.Parse(context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var body = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;
        var extensions = body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("RATE_LIMITED", extensions.GetProperty("code").GetString());
        Assert.Equal(context.Response.Headers.RetryAfter.ToString(), extensions.GetProperty("retryAfter").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Users_and_addresses_get_their_own_budgets()
    {
        using var limiter = new GraphQLRateLimiter(new GraphQLRateLimitOptions { PerIpPermits = 1, PerUserPermits = 5 });
        var policy = new GraphQLRateLimitPolicy(limiter, TimeProvider.System);
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.1");
        var signedIn = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7")], "test")),
        };

        Assert.Equal("ip:198.51.100.1", policy.GetPartition(anonymous).PartitionKey);
        Assert.Equal("user:7", policy.GetPartition(signedIn).PartitionKey);
    }
}
