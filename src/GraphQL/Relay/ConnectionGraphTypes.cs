using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// <c>XConnection { edges: [XEdge!]! pageInfo: PageInfo! totalCount: Int! }</c> for the node type
/// <typeparamref name="TNodeType"/>; X is the node graph type's class name without its <c>Type</c>/<c>GraphType</c>
/// suffix (<c>BookType</c> → <c>BookConnection</c>).
/// </summary>
public sealed class ConnectionGraphType<TNodeType> : ObjectGraphType<IConnection>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = node + "Connection";
        Description = $"A page of {node} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType>>>>>("edges")
            .Description("The items of the page, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Items in the whole list, not just this page; costs a count, so select it only when shown.")
            .ResolveAsync(async context => await context.Source.CountTotalAsync(context.CancellationToken).ConfigureAwait(false));
    }
}

public sealed class EdgeGraphType<TNodeType> : ObjectGraphType<IEdge>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = typeof(TNodeType).GraphQLName() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque; pass it as 'after' or 'before' to page from this item.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page lies in its list (Relay cursor connections).";
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Items come before this page. When paging forward, true exactly when 'after' was given.")
            .Resolve(context => context.Source.HasPreviousPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Items come after this page. When paging backward, true exactly when 'before' was given.")
            .Resolve(context => context.Source.HasNextPage);
        Field<StringGraphType>("startCursor").Resolve(context => context.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(context => context.Source.EndCursor);
    }
}

public static class ConnectionFields
{
    /// <summary>
    /// Adds the Relay arguments <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> to a connection field, e.g.
    /// <c>Field&lt;NonNullGraphType&lt;ConnectionGraphType&lt;BookType&gt;&gt;&gt;("books").PageArguments()</c>; resolve it
    /// with <see cref="PageRequest.From"/> and <see cref="KeysetPagination.ToConnectionAsync{T, TKey}"/>.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field
            .Argument<IntGraphType>(PageRequest.FirstArgument, "Page forward: at most this many items (after 'after').")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the item the page starts after.")
            .Argument<IntGraphType>(PageRequest.LastArgument, "Page backward: at most this many items (before 'before').")
            .Argument<StringGraphType>(PageRequest.BeforeArgument, "Cursor of the item the page ends before.");
    }
}
