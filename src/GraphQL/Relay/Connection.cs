namespace NftMarketplace.GraphQL.Relay;

/// <summary>One page of a list, as a Relay cursor connection: edges, where the page lies, and the total on request.</summary>
public sealed class Connection<T> : IConnection
{
    private readonly Func<CancellationToken, Task<int>> _countTotal;
    private Task<int>? _totalCount;

    public Connection(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> countTotal)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(pageInfo);
        ArgumentNullException.ThrowIfNull(countTotal);
        Edges = edges;
        PageInfo = pageInfo;
        _countTotal = countTotal;
    }

    public IReadOnlyList<Edge<T>> Edges { get; }

    public PageInfo PageInfo { get; }

    IEnumerable<IEdge> IConnection.Edges => Edges;

    /// <summary>Items in the whole list, counted the first time it is asked for: only when <c>totalCount</c> is selected.</summary>
    public Task<int> CountTotalAsync(CancellationToken cancellationToken) => _totalCount ??= _countTotal(cancellationToken);
}

public sealed record Edge<T>(string Cursor, T Node) : IEdge
{
    object? IEdge.Node => Node;
}

public sealed record PageInfo(bool HasPreviousPage, bool HasNextPage, string? StartCursor, string? EndCursor);

/// <summary>A connection whatever its item type, as its graph types read it.</summary>
public interface IConnection
{
    IEnumerable<IEdge> Edges { get; }

    PageInfo PageInfo { get; }

    Task<int> CountTotalAsync(CancellationToken cancellationToken);
}

public interface IEdge
{
    string Cursor { get; }

    object? Node { get; }
}
