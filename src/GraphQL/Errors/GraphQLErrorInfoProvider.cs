using GraphQL;
using GraphQL.Execution;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>
/// Writes each error with <c>extensions.code</c> from the documented set, plus <c>field</c>/<c>fields</c> for bad
/// input, <c>retryAfter</c> (seconds) for <c>RATE_LIMITED</c>, and the engine's own <c>graphqlCode</c>/<c>specSection</c>
/// for parse and validation errors. Exception details appear only when <paramref name="exposeDetails"/> is set
/// (Development). Validation's "Did you mean …" hints name fields, arguments and types of the schema, so they are kept
/// only where <paramref name="suggestNames"/> (introspection is on anyway).
/// </summary>
internal sealed class GraphQLErrorInfoProvider(bool exposeDetails, bool suggestNames) : IErrorInfoProvider
{
    public const string Code = "code";
    public const string Field = "field";
    public const string Fields = "fields";
    public const string GraphQLCode = "graphqlCode";
    public const string SpecSection = "specSection";
    public const string Details = "details";
    public const string RetryAfter = "retryAfter";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var error = ErrorClassifier.Classify(executionError);
        var extensions = new Dictionary<string, object?> { [Code] = error.Code.ToWire() };
        AddIfSet(extensions, Field, error.Field);
        if (error.Fields is { Count: > 0 } fields)
        {
            extensions[Fields] = fields.Select(f => new Dictionary<string, object?> { ["field"] = f.Field, ["message"] = f.Message }).ToList();
        }

        if (error.RetryAfter is { } wait)
        {
            extensions[RetryAfter] = RetryAfterHeader.Seconds(wait);
        }

        AddIfSet(extensions, GraphQLCode, error.GraphQLCode);
        AddIfSet(extensions, SpecSection, error.SpecSection);
        if (exposeDetails && error.Unexpected is { } unexpected)
        {
            extensions[Details] = unexpected.ToString();
        }

        var message = suggestNames ? error.Message : SchemaSuggestions.Remove(executionError, error.Message);
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static void AddIfSet(Dictionary<string, object?> extensions, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            extensions[key] = value;
        }
    }
}
