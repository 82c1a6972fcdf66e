using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Relay;

public static class DataLoaderRegistration
{
    /// <summary>Registers a loader per request scope, so its cache lives as long as one operation's request.</summary>
    public static IHostApplicationBuilder AddDataLoader<TLoader>(this IHostApplicationBuilder builder)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<TLoader>();
        return builder;
    }

    /// <summary>The request's instance of <typeparamref name="TLoader"/>.</summary>
    public static TLoader Loader<TLoader>(this IResolveFieldContext context)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices
            ?? throw new InvalidOperationException("The GraphQL request has no service provider to resolve data loaders from.");
        return services.GetRequiredService<TLoader>();
    }
}
