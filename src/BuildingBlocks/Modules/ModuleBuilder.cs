using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.BuildingBlocks.Modules;

/// <summary>What a module registers beyond its database: the events it publishes and consumes.</summary>
public sealed class ModuleBuilder<TContext>(IHostApplicationBuilder host)
    where TContext : ModuleDbContext
{
    /// <summary>Declares <typeparamref name="TEvent"/>'s exchange, which the module's outbox publishes to.</summary>
    public ModuleBuilder<TContext> Publishes<TEvent>()
        where TEvent : IIntegrationEvent
    {
        host.Services.AddSingleton(new PublishedExchange(TEvent.Exchange));
        return this;
    }

    /// <summary>
    /// Consumes <typeparamref name="TEvent"/> from its exchange into <paramref name="queue"/> (a quorum queue with
    /// retry and parking queues), applying it with <typeparamref name="THandler"/> exactly once through the inbox.
    /// </summary>
    public ModuleBuilder<TContext> Consume<TEvent, THandler>(string queue, params string[] bindingKeys)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (bindingKeys.Length == 0)
        {
            throw new ArgumentException("A consumer needs at least one binding key.", nameof(bindingKeys));
        }

        host.Services.AddScoped<THandler>();
        host.Services.AddSingleton<IConsumerRegistration>(new InboxConsumer<TEvent, THandler, TContext>(queue, bindingKeys));
        return this;
    }

    /// <summary>
    /// As <see cref="Consume{TEvent, THandler}"/>, but messages of different <paramref name="orderingKey"/>s are applied
    /// concurrently (up to <c>Messaging:Prefetch</c> at once) while those of one key keep their order: for handlers whose
    /// messages only depend on others of the same key, so a burst does not queue behind one handler at a time.
    /// </summary>
    public ModuleBuilder<TContext> ConsumeConcurrently<TEvent, THandler>(string queue, Func<TEvent, string> orderingKey, params string[] bindingKeys)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(orderingKey);
        if (bindingKeys.Length == 0)
        {
            throw new ArgumentException("A consumer needs at least one binding key.", nameof(bindingKeys));
        }

        host.Services.AddScoped<THandler>();
        host.Services.AddSingleton<IConsumerRegistration>(new InboxConsumer<TEvent, THandler, TContext>(queue, bindingKeys, orderingKey));
        return this;
    }
}

public static class ModuleRegistration
{
    /// <summary>
    /// Registers a module: its DbContext on its own schema (migrated at start-up), its request
    /// handlers and validators, a unit of work around each of its commands, and its outbox relay.
    /// </summary>
    public static ModuleBuilder<TContext> AddModule<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ModuleDbContextOptions.ConnectionName)
            ?? throw new InvalidConfigurationException($"ConnectionStrings:{ModuleDbContextOptions.ConnectionName}", "is missing.");
        var services = builder.Services;

        services.AddDbContext<TContext>((provider, options) => options
            .UseModuleDatabase(connectionString, schema)
            .AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>()));
        builder.EnrichNpgsqlDbContext<TContext>(settings =>
        {
            // One readiness check covers the database for every module.
            settings.DisableHealthChecks = true;
            // Units of work own their transactions; a retrying strategy would replay them half-done.
            settings.DisableRetry = true;
        });

        var assembly = typeof(TContext).Assembly;
        AddRequestHandlers<TContext>(services, assembly);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        services.TryAddSingleton<AfterCommitRunner>();
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema));
        services.AddHostedService<OutboxRelay<TContext>>();
        return new ModuleBuilder<TContext>(builder);
    }

    private static void AddRequestHandlers<TContext>(IServiceCollection services, Assembly assembly)
        where TContext : ModuleDbContext
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, type);

                // Keyed on the handler, not the request: a module's public commands are declared in its .Contracts
                // assembly, and they run in the unit of work of the module that handles them.
                var (request, response) = (contract.GetGenericArguments()[0], contract.GetGenericArguments()[1]);
                if (typeof(ICommand<>).MakeGenericType(response).IsAssignableFrom(request))
                {
                    services.AddScoped(
                        typeof(IPipelineBehavior<,>).MakeGenericType(request, response),
                        typeof(UnitOfWorkBehavior<,,>).MakeGenericType(request, response, typeof(TContext)));
                }
            }
        }
    }
}
