using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;

namespace NftMarketplace.IntegrationTests.GraphQL.Fuzz;

/// <summary>
/// Random requests built from the committed schema (schema.graphql): mostly valid-looking operations, then
/// mutated, with deep nesting, fragments, aliases, odd literals, bad variables, unicode, huge numbers, unknown
/// fields and introspection. One seed gives the same sequence every time.
/// </summary>
internal sealed class DocumentGenerator
{
    private static readonly string[] OddStrings =
    [
        "", " ", "0x", "0xZZ", "eip155:", "eip155:-1", "eip155:99999999999999999999999", "not-a-chain", "é", "日本語", "🦄",
        "\u0000", "\u200b", "\\", "\"", "%s%n", "' OR 1=1 --", "../../etc/passwd", "<script>", "null", "NaN", "-0",
        "1e400", "2026-13-45T25:61:61Z", "9999-12-31T23:59:59Z", new string('a', 3000), "Query", "__Type", "Node:", "VXNlcjox",
    ];

    private static readonly string[] OddNumbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999999999", "1e400", "-1e400",
        "1.5", "0.0000001", "3.4028235e+38", "-0", "1e-400",
    ];

    private static readonly string[] UnknownNames = ["nope", "serverTim", "__nope", "chainz", "_", "a1", "évé", "Query", "node2"];

    private readonly Random _random;
    private readonly Dictionary<string, GraphQLTypeDefinition> _types;

    public DocumentGenerator(int seed, string schemaSdl)
    {
        _random = new Random(seed);
        _types = Parser.Parse(schemaSdl).Definitions.OfType<GraphQLTypeDefinition>().ToDictionary(t => t.Name.StringValue, StringComparer.Ordinal);
    }

    /// <summary>A JSON request body: query, maybe operation name, variables and extensions.</summary>
    public string NextBody()
    {
        var (query, variables) = NextOperation();
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        switch (_random.Next(12))
        {
            case 0:
                body["operationName"] = Pick(OddStrings);
                break;
            case 1:
                body["operationName"] = "Op";
                break;
            case 2:
                body["extensions"] = new Dictionary<string, object?> { ["persistedQuery"] = new { version = 1, sha256Hash = Pick(OddStrings) } };
                break;
            case 3:
                body["variables"] = RandomJson(3);
                break;
        }

        return JsonSerializer.Serialize(body);
    }

    /// <summary>A document and its variables (null when it has none).</summary>
    public (string Query, Dictionary<string, object?>? Variables) NextOperation()
    {
        var kind = _random.Next(100);
        var (query, variables) = kind switch
        {
            < 8 => (Introspection(), null),
            < 14 => (Nested(_random.Next(1, 40)), null),
            < 20 => (WithFragments(), null),
            < 30 => WithVariables(),
            _ => (Operation(), null),
        };

        // A third of the documents are then damaged.
        return (_random.Next(3) == 0 ? Mutate(query) : query, variables);
    }

    private string Operation()
    {
        var useMutation = _types.ContainsKey("Mutation") && _random.Next(5) == 0;
        var useSubscription = !useMutation && _types.ContainsKey("Subscription") && _random.Next(10) == 0;
        var root = useMutation ? "Mutation" : useSubscription ? "Subscription" : "Query";
        var keyword = root.ToLowerInvariant();
        var name = _random.Next(3) == 0 ? " Op" : string.Empty;
        return $"{keyword}{name} {{ {Selections(root, _random.Next(1, 6))} }}";
    }

    private string Selections(string typeName, int depth)
    {
        var text = new StringBuilder();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            text.Append(' ').Append(Selection(typeName, depth));
        }

        return text.ToString();
    }

    private string Selection(string typeName, int depth)
    {
        if (_random.Next(15) == 0)
        {
            return Pick(UnknownNames);
        }

        if (_random.Next(20) == 0)
        {
            return "__typename";
        }

        var fields = FieldsOf(typeName);
        if (fields.Count == 0)
        {
            return "__typename";
        }

        if (_types.GetValueOrDefault(typeName) is GraphQLInterfaceTypeDefinition or GraphQLUnionTypeDefinition && _random.Next(3) == 0)
        {
            var implementation = _types.Values.OfType<GraphQLObjectTypeDefinition>()
                .Where(o => o.Interfaces?.Items.Any(i => i.Name.StringValue == typeName) == true).ToList();
            if (implementation.Count > 0)
            {
                var concrete = implementation[_random.Next(implementation.Count)].Name.StringValue;
                return $"... on {concrete} {{ {Selections(concrete, depth)} }}";
            }
        }

        var field = fields[_random.Next(fields.Count)];
        var alias = _random.Next(6) == 0 ? $"a{_random.Next(1000)}: " : string.Empty;
        var arguments = Arguments(field.Arguments);
        var named = NamedType(field.Type);
        var sub = IsComposite(named)
            ? depth > 0 ? $" {{ {Selections(named, depth - 1)} }}" : " { __typename }"
            : _random.Next(25) == 0 ? " { nope }" : string.Empty;
        return $"{alias}{field.Name.StringValue}{arguments}{sub}";
    }

    private string Arguments(GraphQLArgumentsDefinition? definitions)
    {
        if (definitions is null || definitions.Items.Count == 0)
        {
            return _random.Next(20) == 0 ? $"({Pick(UnknownNames)}: 1)" : string.Empty;
        }

        var given = definitions.Items.Where(_ => _random.Next(6) != 0).Select(a => $"{a.Name.StringValue}: {Literal(a.Type, 3)}");
        return $"({string.Join(", ", given)})".Replace("()", string.Empty, StringComparison.Ordinal);
    }

    private string Literal(GraphQLType type, int depth)
    {
        if (_random.Next(8) == 0)
        {
            return OddLiteral(depth);
        }

        switch (type)
        {
            case GraphQLNonNullType nonNull:
                return Literal(nonNull.Type, depth);
            case GraphQLListType list:
                return "[" + string.Join(", ", Enumerable.Range(0, _random.Next(4)).Select(_ => Literal(list.Type, depth - 1))) + "]";
        }

        var name = NamedType(type);
        return _types.GetValueOrDefault(name) switch
        {
            GraphQLInputObjectTypeDefinition input when depth > 0 =>
                "{" + string.Join(", ", (input.Fields?.Items ?? []).Where(_ => _random.Next(5) != 0).Select(f => $"{f.Name.StringValue}: {Literal(f.Type, depth - 1)}")) + "}",
            GraphQLEnumTypeDefinition enumType when enumType.Values is { Count: > 0 } values => values[_random.Next(values.Count)].Name.StringValue,
            _ => name switch
            {
                "Int" => Pick(OddNumbers[..6]),
                "Float" => Pick(OddNumbers),
                "Boolean" => _random.Next(2) == 0 ? "true" : "false",
                "ChainId" => Quote(_random.Next(2) == 0 ? "eip155:31337" : Pick(OddStrings)),
                "Address" => Quote(_random.Next(2) == 0 ? "0x" + new string('a', 40) : Pick(OddStrings)),
                _ => Quote(Pick(OddStrings)),
            },
        };
    }

    private string OddLiteral(int depth) => _random.Next(9) switch
    {
        0 => "null",
        1 => Pick(OddNumbers),
        2 => Quote(Pick(OddStrings)),
        3 => "\"\\ud800\"",
        4 => "\"\"\"block\nstring \\\"\"\" \"\"\"",
        5 => depth > 0 ? "[" + OddLiteral(depth - 1) + "]" : "[]",
        6 => depth > 0 ? "{ x: " + OddLiteral(depth - 1) + " }" : "{}",
        7 => "$undefined",
        _ => "SOME_ENUM",
    };

    private (string, Dictionary<string, object?>?) WithVariables()
    {
        // One field with arguments, each passed through a variable of the declared (or a wrong) type.
        var candidates = FieldsOf("Query").Concat(FieldsOf("Mutation").Take(_random.Next(2) == 0 ? 0 : 100))
            .Where(f => f.Arguments is { Count: > 0 }).ToList();
        if (candidates.Count == 0)
        {
            return (Operation(), null);
        }

        var field = candidates[_random.Next(candidates.Count)];
        var isMutation = FieldsOf("Mutation").Contains(field);
        var declarations = new List<string>();
        var arguments = new List<string>();
        var variables = new Dictionary<string, object?>();
        foreach (var argument in field.Arguments!.Items)
        {
            var name = argument.Name.StringValue;
            var declared = _random.Next(8) == 0 ? Pick(["Int", "String!", "[ID!]", "Boolean", "Nope"]) : Print(argument.Type);
            declarations.Add($"${name}: {declared}");
            arguments.Add($"{name}: ${name}");
            if (_random.Next(6) != 0)
            {
                variables[name] = RandomJson(3);
            }
        }

        var named = NamedType(field.Type);
        var selection = IsComposite(named) ? $" {{ {Selections(named, 2)} }}" : string.Empty;
        var keyword = isMutation ? "mutation" : "query";
        return ($"{keyword} Op({string.Join(", ", declarations)}) {{ {field.Name.StringValue}({string.Join(", ", arguments)}){selection} }}", variables);
    }

    private object? RandomJson(int depth) => _random.Next(depth > 0 ? 11 : 8) switch
    {
        0 => null,
        1 => Pick(OddStrings),
        2 => _random.NextInt64(long.MinValue, long.MaxValue),
        3 => _random.NextDouble() * Math.Pow(10, _random.Next(-300, 300)),
        4 => _random.Next(2) == 0,
        5 => "0x" + new string('a', 40),
        6 => "eip155:31337",
        7 => decimal.MaxValue,
        8 => Enumerable.Range(0, _random.Next(4)).Select(_ => RandomJson(depth - 1)).ToList(),
        _ => Enumerable.Range(0, _random.Next(4)).ToDictionary(i => i == 0 ? Pick(OddStrings) + i : "k" + i.ToString(CultureInfo.InvariantCulture), _ => RandomJson(depth - 1)),
    };

    private string Introspection() => _random.Next(5) switch
    {
        0 => "{ __schema { types { name fields { name args { name type { name kind ofType { name } } } } } } }",
        1 => $"{{ __type(name: {Quote(_random.Next(2) == 0 ? Pick(_types.Keys.ToArray()) : Pick(OddStrings))}) {{ name kind fields {{ name }} }} }}",
        2 => "{ __schema { queryType { name } mutationType { name } subscriptionType { name } directives { name locations } } }",
        3 => "query($n: String!) { __type(name: $n) { name } }",
        _ => "{ __typename a: __typename __schema { __typename } }",
    };

    private string Nested(int depth)
    {
        // Deep nesting of inline fragments and node lookups, past the depth limits now and then.
        var open = new StringBuilder("{ ");
        var close = new StringBuilder(" }");
        for (var i = 0; i < depth; i++)
        {
            if (_random.Next(2) == 0)
            {
                open.Append("... on Query { ");
            }
            else
            {
                open.Append("a: __schema { types { fields { type { ofType { ");
                close.Append(" } } } } }");
                break;
            }

            close.Append(" }");
        }

        return open + "__typename" + close;
    }

    private string WithFragments()
    {
        var count = _random.Next(1, 8);
        var text = new StringBuilder("query { ");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"...F{_random.Next(count + 1)} ");
        }

        text.Append('}');
        for (var i = 0; i < count; i++)
        {
            var on = _random.Next(10) == 0 ? "Nope" : "Query";
            var spread = _random.Next(3) == 0 ? $" ...F{_random.Next(count)}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $" fragment F{i} on {on} {{ {Selections("Query", 2)}{spread} }}");
        }

        return text.ToString();
    }

    private string Mutate(string query)
    {
        var text = new StringBuilder(query);
        var edits = _random.Next(1, 4);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = _random.Next(text.Length);
            switch (_random.Next(5))
            {
                case 0:
                    text.Remove(at, Math.Min(text.Length - at, _random.Next(1, 10)));
                    break;
                case 1:
                    text.Insert(at, Pick(["{", "}", "(", ")", "$", "@skip(if: true)", "@include", "...", "\"", "#", "\u00e9", "🦄", "\\u", ":", "!", "[", "]", "1e9999"]));
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, Math.Min(text.Length - at, _random.Next(1, 40))));
                    break;
                case 3:
                    text.Length = at;
                    break;
                default:
                    text[at] = (char)_random.Next(0x20, 0x7f);
                    break;
            }
        }

        return text.ToString();
    }

    private List<GraphQLFieldDefinition> FieldsOf(string typeName) => _types.GetValueOrDefault(typeName) switch
    {
        GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
        GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
        _ => [],
    };

    private bool IsComposite(string typeName) =>
        _types.GetValueOrDefault(typeName) is GraphQLObjectTypeDefinition or GraphQLInterfaceTypeDefinition or GraphQLUnionTypeDefinition;

    private static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => "String",
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => "String",
    };

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
