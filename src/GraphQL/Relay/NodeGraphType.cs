using GraphQL.Types;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>The Relay <c>Node</c> interface: an object that <c>node(id)</c> can fetch again by its global id.</summary>
public sealed class NodeGraphType : InterfaceGraphType
{
    public const string TypeName = "Node";
    public const string IdField = "id";

    public NodeGraphType()
    {
        Name = TypeName;
        Description = "An object with a globally unique id, which Query.node fetches again.";
        Field<NonNullGraphType<IdGraphType>>(IdField).Description("Globally unique and opaque; pass it to Query.node.");
    }
}

public static class NodeGraphTypeExtensions
{
    /// <summary>
    /// Makes <paramref name="type"/> a <c>Node</c>: it implements the interface and gets <c>id: ID!</c>, the global id of
    /// <paramref name="localId"/>. Register how to fetch it again with <see cref="NodeRegistration.AddNode{TLoader}"/>.
    /// </summary>
    public static void IsNode<TSource, TKey>(this ObjectGraphType<TSource> type, Func<TSource, TKey> localId)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(localId);
        type.Interface<NodeGraphType>();
        // node(id) returns the interface; the engine finds the object type of a value by asking each type.
        type.IsTypeOf = value => value is TSource;
        type.Field<NonNullGraphType<IdGraphType>>(NodeGraphType.IdField)
            .Description("Globally unique and opaque; pass it to Query.node.")
            .Resolve(context => GlobalId.Encode(context.ParentType.Name, localId(context.Source)));
    }
}
