namespace NftMarketplace.GraphQL.Http;

/// <summary>The two response media types of GraphQL over HTTP.</summary>
public enum ResponseMediaType
{
    /// <summary><c>application/json</c>: the legacy type; a well-formed GraphQL response is always 200.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: the status code tells request errors (4xx/5xx) from results (2xx).</summary>
    GraphQLResponseJson,
}

public static class GraphQLMediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The <c>Content-Type</c> of a response in <paramref name="mediaType"/>; bodies are always UTF-8.</summary>
    public static string ContentTypeFor(ResponseMediaType mediaType) => mediaType switch
    {
        ResponseMediaType.GraphQLResponseJson => GraphQLResponseJson + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };
}
