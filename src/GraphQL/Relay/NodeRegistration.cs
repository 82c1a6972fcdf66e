using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>Fetches the objects of one <c>Node</c> type by local id, for <c>node(id)</c> and <c>nodes(ids)</c>.</summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name, the first half of the type's global ids.</summary>
    string TypeName { get; }

    /// <returns>The pending object (null when it does not exist), or null when <paramref name="localId"/> cannot be one of this type's keys.</returns>
    IDataLoaderResult<object?>? Resolve(IResolveFieldContext context, string localId);
}

public static class NodeRegistration
{
    /// <summary>
    /// Lets <c>node(id)</c> fetch objects of <paramref name="typeName"/> (a graph type that calls
    /// <see cref="NodeGraphTypeExtensions.IsNode{TSource, TKey}"/>) through <typeparamref name="TLoader"/>, the
    /// type's by-id <see cref="BatchLoader{TKey, TValue}"/>, so looking up many ids costs one query per type.
    /// The loader's key type must be parsable (<see cref="IParsable{TSelf}"/>: Guid, integers, strings).
    /// </summary>
    public static IHostApplicationBuilder AddNode<TLoader>(this IHostApplicationBuilder builder, string typeName)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        var loader = BatchLoaderOf(typeof(TLoader))
            ?? throw new ArgumentException($"{typeof(TLoader).Name} is not a BatchLoader<TKey, TValue>.", nameof(TLoader));
        var (key, value) = (loader.GetGenericArguments()[0], loader.GetGenericArguments()[1]);
        if (!key.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == key))
        {
            throw new ArgumentException($"The key of {typeof(TLoader).Name}, {key.Name}, cannot be read back from a global id (it is not IParsable).", nameof(TLoader));
        }

        builder.AddDataLoader<TLoader>();
        var resolver = typeof(LoaderNodeResolver<,,>).MakeGenericType(typeof(TLoader), key, value);
        builder.Services.AddSingleton(typeof(INodeResolver), Activator.CreateInstance(resolver, typeName)!);
        return builder;
    }

    private static Type? BatchLoaderOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(BatchLoader<,>))
            {
                return type;
            }
        }

        return null;
    }
}

internal sealed class LoaderNodeResolver<TLoader, TKey, TValue>(string typeName) : INodeResolver
    where TLoader : BatchLoader<TKey, TValue>
    where TKey : notnull, IParsable<TKey>
    where TValue : class
{
    public string TypeName => typeName;

    public IDataLoaderResult<object?>? Resolve(IResolveFieldContext context, string localId) =>
        KeyText.TryParse<TKey>(localId, out var key)
            ? context.Loader<TLoader>().Load(key).Then(value => (object?)value)
            : null;
}
