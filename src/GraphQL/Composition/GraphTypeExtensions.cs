using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// Fields one module adds to an object type another module owns, e.g. Wallets adding <c>User.wallets</c>. The owner
/// keeps the type's name, source and own fields; it applies every extension at the end of its constructor with
/// <see cref="GraphTypeExtensionRegistration.ApplyExtensions"/>. Register with
/// <see cref="GraphTypeExtensionRegistration.AddGraphTypeExtension{TExtension}"/>.
/// </summary>
/// <remarks>
/// The extension's fields may return the extending module's own (internal) graph types: they are built from dependency
/// injection like every other graph type. A field name that clashes with one of the owner's stops start-up, and so does
/// an extension whose type never applies it (see <see cref="SchemaCheck"/>).
/// </remarks>
public interface IGraphTypeExtension
{
    /// <summary>The GraphQL name of the object type extended, e.g. <c>User</c>.</summary>
    string TypeName { get; }

    /// <summary>Adds the fields; called once, while the schema builds the owner's graph type.</summary>
    void Extend(IObjectGraphType type);
}

/// <summary>
/// An extension of an object type whose source is <typeparamref name="TSource"/> (for <c>User</c>, the public
/// <c>UserDto</c>), so its resolvers read <c>context.Source</c> typed.
/// </summary>
public abstract class GraphTypeExtension<TSource>(string typeName) : IGraphTypeExtension
{
    public string TypeName { get; } = typeName;

    void IGraphTypeExtension.Extend(IObjectGraphType type) =>
        Extend(type as ObjectGraphType<TSource>
            ?? throw new InvalidOperationException(
                $"{GetType().Name} extends '{TypeName}' as a type of {typeof(TSource).Name}, but that type is a {type.GetType().Name}."));

    protected abstract void Extend(ObjectGraphType<TSource> type);
}

public static class GraphTypeExtensionRegistration
{
    /// <summary>Metadata key set on a graph type once its extensions are applied; the start-up check reads it.</summary>
    internal const string AppliedKey = "NftMarketplace.GraphQL.ExtensionsApplied";

    /// <summary>
    /// Adds <typeparamref name="TExtension"/>'s fields to the type it names, and makes the graph types of its assembly
    /// available to the schema (as <see cref="GraphQLContributorRegistration.AddGraphQLContributor{TContributor}"/> does).
    /// </summary>
    public static IHostApplicationBuilder AddGraphTypeExtension<TExtension>(this IHostApplicationBuilder builder)
        where TExtension : class, IGraphTypeExtension
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphTypeExtension, TExtension>());
        GraphQLContributorRegistration.AddGraphTypes(builder.Services, typeof(TExtension).Assembly);
        return builder;
    }

    /// <summary>
    /// Applies the extensions of <paramref name="type"/> (matched by its <see cref="IGraphType.Name"/>, so set the name
    /// first). Call it last in the owner's constructor, which takes <c>IEnumerable&lt;IGraphTypeExtension&gt;</c>:
    /// <code>
    /// public UserType(IEnumerable&lt;IGraphTypeExtension&gt; extensions)
    /// {
    ///     Name = "User";
    ///     Field(...);
    ///     this.ApplyExtensions(extensions);
    /// }
    /// </code>
    /// Extensions are applied in registration order, after the owner's fields.
    /// </summary>
    public static void ApplyExtensions(this IObjectGraphType type, IEnumerable<IGraphTypeExtension> extensions)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(extensions);
        if (string.IsNullOrEmpty(type.Name))
        {
            throw new InvalidOperationException($"Name {type.GetType().Name} before applying its extensions: they are matched by name.");
        }

        foreach (var extension in extensions.Where(e => e.TypeName == type.Name))
        {
            extension.Extend(type);
        }

        type.Metadata[AppliedKey] = true;
    }

    /// <returns>One problem per extension whose type is missing from the schema or never applied its extensions.</returns>
    internal static IReadOnlyList<string> Check(ISchema schema, IEnumerable<IGraphTypeExtension> extensions)
    {
        var problems = new List<string>();
        foreach (var extension in extensions)
        {
            var type = schema.AllTypes[extension.TypeName];
            if (type is not IObjectGraphType)
            {
                problems.Add($"{extension.GetType().Name} extends '{extension.TypeName}', which is not an object type of the schema.");
            }
            else if (!type.GetMetadata(AppliedKey, false))
            {
                problems.Add($"{extension.GetType().Name} extends '{extension.TypeName}', whose graph type ({type.GetType().Name}) never calls ApplyExtensions.");
            }
        }

        return problems;
    }
}
