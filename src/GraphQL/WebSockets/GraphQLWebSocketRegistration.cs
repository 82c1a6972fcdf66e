using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL.Subscriptions;
using StackExchange.Redis;

namespace NftMarketplace.GraphQL.WebSockets;

internal static class GraphQLWebSocketRegistration
{
    /// <summary>
    /// Subscriptions: the broker modules publish to and subscribe through, the Redis backplane between replicas (when
    /// the platform's Redis is registered), and the graphql-transport-ws endpoint with its settings.
    /// </summary>
    public static void AddGraphQLSubscriptions(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GraphQLWebSocketOptions>(GraphQLWebSocketOptions.Section, o => o.Validate());
        var services = builder.Services;

        // Decided when first used rather than here, so registration order does not matter.
        services.TryAddSingleton<ISubscriptionBackplane>(CreateBackplane);
        services.TryAddSingleton<SubscriptionBroker>();
        services.TryAddSingleton<ISubscriptionPublisher>(provider => provider.GetRequiredService<SubscriptionBroker>());
        services.TryAddSingleton<ISubscriptionBroker>(provider => provider.GetRequiredService<SubscriptionBroker>());

        services.TryAddSingleton<ConnectionRegistry>();
        services.TryAddSingleton<IConnectionRegistry>(provider => provider.GetRequiredService<ConnectionRegistry>());
        services.AddHostedService<SessionRevocationListener>();

        services.TryAddSingleton<ClientMessageParser>();
        services.TryAddSingleton<ServerMessages>();
        services.TryAddSingleton<ConnectionInitAuthenticator>();
        services.TryAddSingleton<OperationRateLimit>();
        services.TryAddSingleton<OpenSocketLimit>();
        services.TryAddSingleton<GraphQLWsConnectionFactory>();
        services.TryAddSingleton<GraphQLWebSocketEndpoint>();
    }

    /// <summary>
    /// Lets the endpoint also accept WebSocket upgrades: those go to <see cref="GraphQLWebSocketEndpoint"/>, every other
    /// request to the endpoint's own handler. The WebSocket middleware runs for this endpoint only.
    /// </summary>
    public static TBuilder WithGraphQLWebSockets<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.Add(builder =>
        {
            var http = builder.RequestDelegate ?? throw new InvalidOperationException("The GraphQL endpoint has no request handler.");
            var pipeline = new ApplicationBuilder(builder.ApplicationServices);
            pipeline.UseWebSockets();
            pipeline.Run(context => context.WebSockets.IsWebSocketRequest
                ? context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(context)
                : http(context));
            builder.RequestDelegate = pipeline.Build();
        });
        return endpoint;
    }

    private static ISubscriptionBackplane CreateBackplane(IServiceProvider provider)
    {
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        if (provider.GetService<IConnectionMultiplexer>() is { } redis)
        {
            return new RedisSubscriptionBackplane(redis, loggers.CreateLogger<RedisSubscriptionBackplane>());
        }

        loggers.CreateLogger(typeof(GraphQLWebSocketRegistration)).LogWarning(
            "No Redis connection is registered: GraphQL subscription events reach this replica's subscribers only.");
        return LocalOnlyBackplane.Instance;
    }
}
