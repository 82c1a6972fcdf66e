using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.IntegrationTests.GraphQL.Subscriptions;

/// <summary>
/// One Host replica as far as subscriptions go: the real gateway (<c>AddGraphQLGateway</c>, <c>MapGraphQL</c>) on
/// Kestrel, the platform's Redis client, and <see cref="ReplicaTestFields"/> as its only module. Several of them on
/// the test Redis behave like replicas of one deployment.
/// </summary>
internal sealed class SubscriptionReplica : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SubscriptionReplica(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "graphql");

    public Uri GraphQLWebSocket => new UriBuilder(GraphQLEndpoint) { Scheme = "ws" }.Uri;

    public IServiceProvider Services => _app.Services;

    public static async Task<SubscriptionReplica> StartAsync(string redisConnectionString, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var configuration = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PlatformExtensions.RedisConnectionName}"] = redisConnectionString,
            // Every test client is 127.0.0.1: one shared per-IP budget would throttle unrelated tests.
            ["GraphQL:RateLimit:PerIpPermits"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        // As AddPlatform registers it, without the rest of the platform (database, broker, chain, storage).
        builder.AddRedisClient(PlatformExtensions.RedisConnectionName, redis => redis.DisableHealthChecks = true);
        builder.AddGraphQLContributor<ReplicaTestFields>();
        builder.AddGraphQLGateway();
        builder.Services.AddSingleton<IAccessTokenValidator, ReplicaTestTokens>();

        var app = builder.Build();
        app.UseRateLimiter();
        app.MapGraphQL();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SubscriptionReplica(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the replica as an orchestrator would; its sockets are closed on the way.</summary>
    public Task StopAsync() => _app.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
