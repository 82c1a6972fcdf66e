using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.BuildingBlocks.Storage;
using Npgsql;

namespace NftMarketplace.BuildingBlocks.Hosting;

/// <summary>The shared mechanics every module runs on: database, cache, broker, chain, storage, mediator.</summary>
public static class PlatformExtensions
{
    public const string RedisConnectionName = "redis";
    public const string RabbitMqConnectionName = "rabbitmq";
    public const string ChainConnectionName = "chain";

    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        // Fail at start-up, naming the key, rather than at the first request.
        var database = RequiredConnectionString(configuration, ModuleDbContextOptions.ConnectionName);
        RequiredConnectionString(configuration, RedisConnectionName);
        RequiredConnectionString(configuration, RabbitMqConnectionName);
        var chain = RequiredUrl(configuration, ChainConnectionName);
        var storage = ObjectStorageOptions.Parse(RequiredConnectionString(configuration, ObjectStorageOptions.ConnectionName));

        services.TryAddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<OutboxOptions>(OutboxOptions.Section, o => o.Validate());

        // The migrator is the first hosted service: everything after it sees the current schema.
        services.AddHostedService<DatabaseMigrator>();

        services.AddMediator();

        services.AddSingleton(NpgsqlDataSource.Create(database));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();

        // Redis is a cache and a fast path: a call that Redis cannot answer at once must fail fast (the client's default
        // is 5 s per call), and RedisFastPath keeps callers away altogether while it stays unhealthy.
        var redis = builder.AddValidatedOptions<RedisOptions>(RedisOptions.Section, o => o.Validate());
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableHealthChecks = true, options =>
        {
            options.AbortOnConnectFail = false;
            options.AsyncTimeout = (int)redis.ClientTimeout.TotalMilliseconds;
            options.SyncTimeout = (int)redis.ClientTimeout.TotalMilliseconds;
            options.ConnectTimeout = (int)Math.Max(redis.ClientTimeout.TotalMilliseconds, 2000);
        });
        services.AddSingleton<RedisFastPath>();
        services.AddSingleton<VersionedCache>();

        builder.AddRabbitMQClient(RabbitMqConnectionName, settings => settings.DisableHealthChecks = true);
        services.AddSingleton<IMessagePublisher, RabbitMqPublisher>();
        services.AddSingleton<TopologyDeclarer>();
        services.AddSingleton<RabbitMqConsumerHost>();
        services.AddHostedService<MessagingHostedService>();

        // One resilient JSON-RPC client per chain (endpoints from the registry, or configuration until then).
        builder.AddChainRpc();

        services.AddObjectStorage(storage);
        services.AddHttpClient<ChainRpcHealthCheck>(http =>
        {
            http.BaseAddress = chain;
            http.Timeout = TimeSpan.FromSeconds(5);
        });

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ServiceDefaultsExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<RedisHealthCheck>("redis", tags: [ServiceDefaultsExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<RabbitMqHealthCheck>("rabbitmq", tags: [ServiceDefaultsExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ChainRpcHealthCheck>("chain", tags: [ServiceDefaultsExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ObjectStorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag], timeout: TimeSpan.FromSeconds(5));

        return builder;
    }

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidConfigurationException(
                $"ConnectionStrings:{name}",
                $"is missing. Set it in configuration or as the environment variable ConnectionStrings__{name}.");

    private static Uri RequiredUrl(IConfiguration configuration, string name)
    {
        var value = RequiredConnectionString(configuration, name);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidConfigurationException($"ConnectionStrings:{name}", $"is '{value}', which is not an http(s) URL.");
    }
}
