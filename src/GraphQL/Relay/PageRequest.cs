using System.Globalization;
using GraphQL;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// A page of a connection, from the Relay arguments: <c>first</c>/<c>after</c> pages forward, <c>last</c>/<c>before</c>
/// backward (<c>after</c> and <c>before</c> may bound either). Checked when built: sizes are 0 to the field's maximum,
/// and <c>first</c> and <c>last</c> are never given together.
/// </summary>
public sealed record PageRequest
{
    public const string FirstArgument = "first";
    public const string AfterArgument = "after";
    public const string LastArgument = "last";
    public const string BeforeArgument = "before";

    public const int DefaultPageSize = 20;
    public const int DefaultMaxPageSize = 100;

    private PageRequest(int size, bool backward, string? after, string? before)
    {
        Size = size;
        IsBackward = backward;
        After = after;
        Before = before;
    }

    /// <summary>How many edges the page holds at most.</summary>
    public int Size { get; }

    /// <summary>True for <c>last</c>: the page ends at <see cref="Before"/> (or at the end).</summary>
    public bool IsBackward { get; }

    /// <summary>Cursor the page starts after, if any.</summary>
    public string? After { get; }

    /// <summary>Cursor the page ends before, if any.</summary>
    public string? Before { get; }

    /// <exception cref="BadInputException">Sizes out of range, or <c>first</c> with <c>last</c>.</exception>
    public static PageRequest Create(
        int? first = null, string? after = null, int? last = null, string? before = null,
        int maxPageSize = DefaultMaxPageSize, int defaultPageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultPageSize, maxPageSize);
        if (first is not null && last is not null)
        {
            throw new BadInputException("Give 'first' (with 'after') or 'last' (with 'before'), not both.", LastArgument);
        }

        CheckSize(first, FirstArgument, maxPageSize);
        CheckSize(last, LastArgument, maxPageSize);
        return new PageRequest(first ?? last ?? defaultPageSize, last is not null, after, before);
    }

    /// <summary>The page a connection field was asked for (see <see cref="ConnectionFields.PageArguments{TSource, TReturn}"/>).</summary>
    public static PageRequest From(IResolveFieldContext context, int maxPageSize = DefaultMaxPageSize, int defaultPageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Create(
            context.GetArgument<int?>(FirstArgument),
            context.GetArgument<string?>(AfterArgument),
            context.GetArgument<int?>(LastArgument),
            context.GetArgument<string?>(BeforeArgument),
            maxPageSize,
            defaultPageSize);
    }

    private static void CheckSize(int? size, string argument, int maxPageSize)
    {
        if (size is < 0)
        {
            throw new BadInputException($"'{argument}' cannot be negative.", argument);
        }

        if (size > maxPageSize)
        {
            throw new BadInputException(
                string.Create(CultureInfo.InvariantCulture, $"'{argument}' can be at most {maxPageSize} (got {size})."), argument);
        }
    }
}
