using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// The POST body's media type: <c>application/json</c>, in UTF-8 when a charset is named, or <c>multipart/form-data</c>
/// for requests with files.
/// </summary>
public static class RequestContentType
{
    public const string MultipartFormData = "multipart/form-data";

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
            throw Unsupported($"Content-Type '{contentType}' is not supported; send the request as application/json (or multipart/form-data with files).");
        }

        var charset = parsed.Charset;
        if (charset.HasValue && charset.Length > 0
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"Charset '{charset}' is not supported; the request body must be UTF-8.");
        }
    }

    /// <summary>Whether the body is <c>multipart/form-data</c>: a GraphQL multipart request (file uploads).</summary>
    public static bool IsMultipartFormData(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(MultipartFormData, StringComparison.OrdinalIgnoreCase);

    private static RequestRefusedException Unsupported(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, message);
}
