using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// Reads the request parameters (<c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>) from a
/// JSON body or a query string, refusing wrong types with 400 as GraphQL over HTTP recommends.
/// </summary>
public sealed class GraphQLRequestParser(IGraphQLSerializer serializer)
{
    private const string QueryKey = "query";
    private const string OperationNameKey = "operationName";
    private const string VariablesKey = "variables";
    private const string ExtensionsKey = "extensions";

    public GraphQLHttpRequest FromJson(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            throw RequestRefusedException.BadRequest("Batched requests (a JSON array) are not supported; send one JSON object per request.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw RequestRefusedException.BadRequest("The request body must be a JSON object with a 'query' string.");
        }

        var query = body.TryGetProperty(QueryKey, out var queryValue)
            ? queryValue.ValueKind == JsonValueKind.String
                ? queryValue.GetString()!
                : throw WrongType(QueryKey, "a string", queryValue.ValueKind)
            : throw RequestRefusedException.BadRequest("The request has no 'query' parameter.");

        return new GraphQLHttpRequest(
            query,
            NullIfEmpty(OptionalString(body, OperationNameKey)),
            OptionalMap(body, VariablesKey),
            OptionalMap(body, ExtensionsKey));
    }

    public GraphQLHttpRequest FromQueryString(IQueryCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var query = Single(parameters, QueryKey)
            ?? throw RequestRefusedException.BadRequest("The request has no 'query' parameter.");
        return new GraphQLHttpRequest(
            query,
            NullIfEmpty(Single(parameters, OperationNameKey)),
            MapFromJsonText(parameters, VariablesKey),
            MapFromJsonText(parameters, ExtensionsKey));
    }

    // GraphQL over HTTP: an empty operation name is how a client says "none" where it cannot send null.
    private static string? NullIfEmpty(string? operationName) => string.IsNullOrEmpty(operationName) ? null : operationName;

    private static string? OptionalString(JsonElement body, string key) =>
        !body.TryGetProperty(key, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw WrongType(key, "a string or null", value.ValueKind),
        };

    private Inputs? OptionalMap(JsonElement body, string key) =>
        !body.TryGetProperty(key, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
            _ => throw WrongType(key, "an object or null", value.ValueKind),
        };

    private Inputs? MapFromJsonText(IQueryCollection parameters, string key)
    {
        var text = Single(parameters, key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        using var document = RequestJson.TryParse(Encoding.UTF8.GetBytes(text), out var problem)
            ?? throw RequestRefusedException.BadRequest($"The '{key}' parameter is {problem}.");
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement),
            var kind => throw WrongType(key, "a JSON object", kind),
        };
    }

    private static string? Single(IQueryCollection parameters, string key)
    {
        var values = parameters[key];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw RequestRefusedException.BadRequest($"The '{key}' parameter is given {values.Count} times; give it once."),
        };
    }

    private static RequestRefusedException WrongType(string key, string expected, JsonValueKind found) =>
        RequestRefusedException.BadRequest($"The '{key}' parameter must be {expected}, not {Describe(found)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
