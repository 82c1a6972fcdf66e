using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NftMarketplace.GraphQL.Http;

/// <summary>The POST body's media type: <c>application/json</c>, in UTF-8 when a charset is named.</summary>
public static class RequestContentType
{
    /// <exception cref="RequestRefusedException">415 when the content type is missing, another type, or another charset.</exception>
    public static void EnsureJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw Unsupported("The Content-Type header is missing; send the request as application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"Content-Type '{contentType}' is not supported; send the request as application/json.");
        }

        var charset = parsed.Charset;
        if (charset.HasValue && charset.Length > 0
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"Charset '{charset}' is not supported; the request body must be UTF-8.");
        }
    }

    private static RequestRefusedException Unsupported(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, message);
}
