using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.Http;

/// <summary>Streams a GraphQL response into the HTTP response body as UTF-8 JSON.</summary>
public sealed class GraphQLResponseWriter(IGraphQLSerializer serializer)
{
    public async Task WriteAsync(HttpResponse response, ResponseMediaType mediaType, int statusCode, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = GraphQLMediaTypes.ContentTypeFor(mediaType);
        // The body's form depends on Accept, so a cache must not hand one client's form to another.
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        await serializer.WriteAsync(response.Body, result, response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A request refused before execution: <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c>, without data.</summary>
    public Task WriteErrorAsync(HttpResponse response, ResponseMediaType mediaType, int statusCode, ErrorCode code, string message) =>
        WriteAsync(response, mediaType, statusCode, new ExecutionResult(new GraphQLRequestError(code, message)));
}
