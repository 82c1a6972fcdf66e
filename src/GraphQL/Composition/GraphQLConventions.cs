using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// The naming rules every module follows, checked once the schema is built so a slip fails start-up rather
/// than reaching clients: camelCase fields and arguments, PascalCase types, and a mutation <c>fooBar</c>
/// taking exactly <c>input: FooBarInput!</c> (or, acting only on its caller like <c>signOut</c>, nothing).
/// </summary>
public static partial class GraphQLConventions
{
    /// <summary>The one argument of every mutation.</summary>
    public const string InputArgument = "input";

    /// <summary>The input type a mutation must take, e.g. <c>FooBarInput</c> for <c>fooBar</c>.</summary>
    public static string InputTypeNameFor(string mutationField) =>
        string.Concat(char.ToUpperInvariant(mutationField[0]).ToString(), mutationField.AsSpan(1), "Input");

    /// <returns>Every violation, each naming the type or field at fault; empty when the schema conforms.</returns>
    public static IReadOnlyList<string> Check(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (!PascalCase().IsMatch(type.Name))
            {
                problems.Add($"Type '{type.Name}' must be PascalCase.");
            }

            if (type is IComplexGraphType complex)
            {
                CheckFields(complex, problems);
            }
        }

        if (schema.Mutation is { } mutation)
        {
            foreach (var field in mutation.Fields)
            {
                CheckMutationInput(field, problems);
            }
        }

        return problems;
    }

    private static void CheckFields(IComplexGraphType type, List<string> problems)
    {
        foreach (var field in type.Fields)
        {
            if (!CamelCase().IsMatch(field.Name))
            {
                problems.Add($"Field '{type.Name}.{field.Name}' must be camelCase.");
            }

            foreach (var argument in field.Arguments ?? [])
            {
                if (!CamelCase().IsMatch(argument.Name))
                {
                    problems.Add($"Argument '{argument.Name}' of '{type.Name}.{field.Name}' must be camelCase.");
                }
            }
        }
    }

    private static void CheckMutationInput(FieldType field, List<string> problems)
    {
        var expected = InputTypeNameFor(field.Name);
        var arguments = field.Arguments ?? [];
        // A mutation acting only on its caller (signOut) needs no input at all.
        var conforms = arguments.Count == 0 || arguments.Count == 1
            && arguments[0].Name == InputArgument
            && arguments[0].ResolvedType is NonNullGraphType { ResolvedType: IInputObjectGraphType input }
            && input.Name == expected;
        if (!conforms)
        {
            problems.Add($"Mutation '{field.Name}' must take no argument or exactly one, '{InputArgument}: {expected}!'.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();
}
