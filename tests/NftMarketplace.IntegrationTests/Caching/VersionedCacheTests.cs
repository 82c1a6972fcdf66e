using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.Caching;

public sealed class VersionedCacheTests(InfrastructureFixture infrastructure)
{
    // A namespace of its own per test: tests share one Redis server.
    private readonly string _name = "test-" + Guid.NewGuid().ToString("N");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_value_is_loaded_once_then_served_from_redis_until_its_version_moves()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var cache = new VersionedCache(FastPath(redis));
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"value {++loads}");

        var version = await cache.GetVersionAsync(_name);
        var first = await cache.GetOrSetAsync(RedisKeys.ReadCache(_name, version, "k"), TimeSpan.FromMinutes(1), Load, Ct);
        var second = await cache.GetOrSetAsync(RedisKeys.ReadCache(_name, version, "k"), TimeSpan.FromMinutes(1), Load, Ct);
        Assert.Equal(("value 1", "value 1", 1), (first, second, loads));

        var bumped = await cache.BumpVersionAsync(_name);
        Assert.Equal(version + 1, bumped);
        var third = await cache.GetOrSetAsync(RedisKeys.ReadCache(_name, await cache.GetVersionAsync(_name), "k"), TimeSpan.FromMinutes(1), Load, Ct);
        Assert.Equal(("value 2", 2), (third, loads));
    }

    [Fact]
    public async Task Entries_expire_with_their_ttl()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var cache = new VersionedCache(FastPath(redis));
        var key = RedisKeys.ReadCache(_name, 0, "ttl");

        await cache.GetOrSetAsync(key, TimeSpan.FromSeconds(60), _ => Task.FromResult(1), Ct);

        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Without_redis_the_source_of_truth_answers()
    {
        // Nothing listens on port 1: every Redis call fails fast.
        await using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        var cache = new VersionedCache(FastPath(redis));

        var value = await cache.GetOrSetAsync(RedisKeys.ReadCache(_name, 0, "k"), TimeSpan.FromMinutes(1), _ => Task.FromResult("from postgres"), Ct);

        Assert.Equal("from postgres", value);
        Assert.Equal(-1, await cache.GetVersionAsync(_name));
    }

    [Fact]
    public async Task A_Redis_that_never_answers_costs_one_short_wait_and_is_then_skipped()
    {
        // Accepts connections and never answers: what a frozen (SIGSTOPped) or black-holed Redis looks like to a client.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=1000,asyncTimeout=5000");
        var cache = new VersionedCache(FastPath(redis));
        var key = RedisKeys.ReadCache(_name, 0, "k");

        var first = Stopwatch.StartNew();
        var value = await cache.GetOrSetAsync(key, TimeSpan.FromMinutes(1), _ => Task.FromResult("from postgres"), Ct);
        first.Stop();
        var rest = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("from postgres", await cache.GetOrSetAsync(key, TimeSpan.FromMinutes(1), _ => Task.FromResult("from postgres"), Ct));
        }

        rest.Stop();

        Assert.Equal("from postgres", value);
        Assert.InRange(first.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
        Assert.True(rest.Elapsed < TimeSpan.FromMilliseconds(300), $"20 calls with the breaker open took {rest.Elapsed}");
    }

    private static RedisFastPath FastPath(IConnectionMultiplexer redis) =>
        new(redis, Options.Create(new RedisOptions()), TimeProvider.System, NullLogger<RedisFastPath>.Instance);
}
