using System.Reflection;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Composition;

public static class GraphQLContributorRegistration
{
    /// <summary>
    /// Adds a module's fields to the schema, and makes every graph type of the contributor's assembly
    /// available to it: the schema builds graph types through dependency injection, and maps the CLR types
    /// of <c>ObjectGraphType&lt;T&gt;</c>/<c>InputObjectGraphType&lt;T&gt;</c> classes so fields can be inferred.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLContributor<TContributor>(this IHostApplicationBuilder builder)
        where TContributor : class, IGraphQLContributor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLContributor, TContributor>());
        AddGraphTypes(builder.Services, typeof(TContributor).Assembly);
        return builder;
    }

    internal static void AddGraphTypes(IServiceCollection services, Assembly assembly)
    {
        if (services.Any(d => d.ServiceType == typeof(GraphTypeAssembly) && Equals(d.ImplementationInstance, new GraphTypeAssembly(assembly))))
        {
            return;
        }

        services.AddSingleton(new GraphTypeAssembly(assembly));
        foreach (var type in assembly.GetTypes().Where(IsGraphType))
        {
            // Transient: a singleton schema builds each graph type once, when it is initialised.
            services.TryAddTransient(type);
        }
    }

    private static bool IsGraphType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        && typeof(IGraphType).IsAssignableFrom(type)
        && type.GetConstructors().Length > 0;
}

/// <summary>An assembly that contributes graph types, whose CLR type mappings the schema registers.</summary>
internal sealed record GraphTypeAssembly(Assembly Assembly);
