using GraphQL.Types;
using GraphQLParser.AST;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary>
/// A scalar carried as a JSON string and held as <typeparamref name="T"/> on the server. Text that does not
/// parse throws a <see cref="BadInputException"/> whose message says why, which the client sees as
/// <c>BAD_USER_INPUT</c>.
/// </summary>
public abstract class StringScalarGraphType<T> : ScalarGraphType
    where T : notnull
{
    /// <summary>Parses client text; throws <see cref="BadInputException"/> with the reason when it is not valid.</summary>
    public abstract T Parse(string text);

    /// <summary>The text a client receives.</summary>
    public abstract string Format(T value);

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Parse(text.Value.ToString()),
        GraphQLNullValue => null,
        _ => throw NotAString(value.Kind.ToString()),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        T parsed => parsed,
        _ => throw NotAString(value.GetType().Name),
    };

    // Only the kind is checked here: the engine then calls the parse methods, whose exception carries the reason
    // (bad checksum, missing offset, …) instead of a bare "unable to convert".
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLStringValue or GraphQLNullValue;

    public override bool CanParseValue(object? value) => value is null or string or T;

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        T typed => Format(typed),
        // Resolvers may hand back stored text; it is normalised (and checked) on the way out.
        string text => Format(Parse(text)),
        _ => ThrowSerializationError(value),
    };

    private BadInputException NotAString(string found) =>
        new($"{Name} must be given as a string, not {found}.");
}
