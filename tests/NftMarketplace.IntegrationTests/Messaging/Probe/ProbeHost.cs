using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Messaging.Probe;

/// <summary>Builds a host with the platform and the probe module, wired to one isolated environment.</summary>
public static class ProbeHost
{
    public static IHost Build(
        InfrastructureFixture infrastructure,
        IsolatedEnvironment environment,
        HandlerCalls calls,
        bool withOutboxRelay = true,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:nftmarketplace"] = environment.DatabaseConnectionString,
            ["ConnectionStrings:rabbitmq"] = environment.RabbitMqUri.ToString(),
            ["ConnectionStrings:redis"] = infrastructure.RedisConnectionString,
            ["ConnectionStrings:chain"] = infrastructure.ChainRpcUri.ToString(),
            ["ConnectionStrings:storage"] = infrastructure.StorageConnectionString,
            ["Messaging:RetryDelay"] = "00:00:00.200",
            ["Messaging:MaxDeliveryAttempts"] = "3",
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddPlatform();
        builder.AddModule<ProbeDbContext>(ProbeDbContext.SchemaName)
            .Publishes<ThingRecorded>()
            .Publishes<KeyedThingRecorded>()
            .Consume<ThingRecorded, ThingRecordedHandler>(ThingRecorded.Queue, "thing.recorded")
            .ConsumeConcurrently<KeyedThingRecorded, KeyedThingRecordedHandler>(KeyedThingRecorded.Queue, e => e.Key, "keyed.recorded");
        builder.Services.AddSingleton(calls);

        if (!withOutboxRelay)
        {
            // Stands for a Host that died after committing and before its relay published.
            var relay = builder.Services.Single(d => d.ImplementationType == typeof(OutboxRelay<ProbeDbContext>));
            builder.Services.Remove(relay);
        }

        return builder.Build();
    }
}
