using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// Pages a query by a unique key (keyset pagination): a cursor is the key of its item, and a page is
/// <c>WHERE key &gt; after ORDER BY key LIMIT size + 1</c>, so any page costs the same however deep, and items
/// added or removed elsewhere do not shift it. One query per page; <c>totalCount</c> one more, only when selected.
/// </summary>
public static class KeysetPagination
{
    /// <param name="source">The items to page, not yet ordered; EF Core queries run asynchronously.</param>
    /// <param name="key">A unique key to order by (e.g. a UUIDv7 id, which also orders by creation).</param>
    /// <exception cref="BadInputException">A cursor that this connection did not issue.</exception>
    public static async Task<Connection<T>> ToConnectionAsync<T, TKey>(
        this IQueryable<T> source, Expression<Func<T, TKey>> key, PageRequest page, CancellationToken cancellationToken)
        where TKey : notnull, IComparable<TKey>, IParsable<TKey>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(page);

        var query = source;
        if (page.After is { } after)
        {
            query = query.Where(Compare(key, Cursor.Decode<TKey>(after, PageRequest.AfterArgument), ExpressionType.GreaterThan));
        }

        if (page.Before is { } before)
        {
            query = query.Where(Compare(key, Cursor.Decode<TKey>(before, PageRequest.BeforeArgument), ExpressionType.LessThan));
        }

        // One item more than the page tells whether another page follows, without counting.
        var ordered = page.IsBackward ? query.OrderByDescending(key) : query.OrderBy(key);
        var items = await ListAsync(ordered.Take(page.Size + 1), cancellationToken).ConfigureAwait(false);
        var hasMore = items.Count > page.Size;
        if (hasMore)
        {
            items.RemoveAt(page.Size);
        }

        if (page.IsBackward)
        {
            items.Reverse();
        }

        var keyOf = key.Compile();
        var edges = items.Select(item => new Edge<T>(Cursor.Encode(keyOf(item)), item)).ToList();
        // Across the cursor only its presence is known; the Relay specification allows false where counting would be needed.
        var pageInfo = new PageInfo(
            HasPreviousPage: page.IsBackward ? hasMore : page.After is not null,
            HasNextPage: page.IsBackward ? page.Before is not null : hasMore,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, token => CountAsync(source, token));
    }

    /// <summary><c>key(item).CompareTo(value) &gt; 0</c> (or <c>&lt; 0</c>), which EF Core translates to <c>key &gt; @value</c>.</summary>
    private static Expression<Func<T, bool>> Compare<T, TKey>(Expression<Func<T, TKey>> key, TKey value, ExpressionType comparison)
        where TKey : IComparable<TKey>
    {
        // Read from a captured object, so EF Core sends the value as a parameter and reuses one plan for every page.
        var boundary = Expression.Property(Expression.Constant(new Boundary<TKey>(value)), nameof(Boundary<TKey>.Cursor));
        var compareTo = Expression.Call(key.Body, typeof(TKey).GetMethod(nameof(IComparable<TKey>.CompareTo), [typeof(TKey)])!, boundary);
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, compareTo, Expression.Constant(0)), key.Parameters);
    }

    private static async Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider
            ? await query.ToListAsync(cancellationToken).ConfigureAwait(false)
            : [.. query];

    private static async Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider
            ? await query.CountAsync(cancellationToken).ConfigureAwait(false)
            : query.Count();

    private sealed record Boundary<TKey>(TKey Cursor);
}

/// <summary>A page cursor: the opaque text of its item's key.</summary>
public static class Cursor
{
    public static string Encode<TKey>(TKey key)
        where TKey : notnull
        => KeyText.Encode(KeyText.Format(key));

    /// <exception cref="BadInputException">Not a cursor of a <typeparamref name="TKey"/> key; names <paramref name="argument"/>.</exception>
    public static TKey Decode<TKey>(string cursor, string argument)
        where TKey : IParsable<TKey>
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return KeyText.TryDecode(cursor, out var text) && KeyText.TryParse<TKey>(text, out var key)
            ? key
            : throw new BadInputException($"'{argument}' is not a cursor of this list; use a cursor from one of its pages.", argument);
    }
}
