using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Uploads;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): the <c>operations</c>
/// part (the JSON request, files replaced by <c>null</c>), the <c>map</c> part (file part name → object paths), then
/// the file parts. The body is read once, as it arrives: files are received by <see cref="UploadSpool"/> (memory up to
/// a small size, a temporary file beyond), so the operation runs once every file is in, with memory bounded.
/// </summary>
/// <remarks>
/// A browser may send <c>multipart/form-data</c> to any site without a CORS preflight, so such a request must carry a
/// <c>GraphQL-Preflight</c> or <c>Apollo-Require-Preflight</c> header, which forces one (as Apollo's CSRF prevention).
/// </remarks>
internal sealed class MultipartRequestReader(
    GraphQLRequestParser parser, IOptions<GraphQLOptions> graphQLOptions, IOptions<UploadOptions> uploadOptions)
{
    public static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "Apollo-Require-Preflight"];

    private const string OperationsPart = "operations";
    private const string MapPart = "map";
    private const int MaxBoundaryLength = 70;

    /// <exception cref="RequestRefusedException">400 for a malformed request, 413 past a limit.</exception>
    public async Task<MultipartRequest> ReadAsync(HttpRequest request)
    {
        EnsurePreflight(request.Headers);
        var limits = uploadOptions.Value;
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            throw CappedStream.TooLarge(limits.MaxRequestBytes);
        }

        // Kestrel's own cap (30 MB unless configured) is lifted to ours for this request only.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        var reader = new MultipartReader(Boundary(request.ContentType), new CappedStream(request.Body, limits.MaxRequestBytes));
        var files = new UploadedFiles();
        try
        {
            var graphQLRequest = await ReadPartsAsync(reader, files, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return new MultipartRequest(graphQLRequest, files);
        }
        catch (Exception ex) when (Refusal(ex, request.HttpContext, limits) is { } refusal)
        {
            await files.DisposeAsync().ConfigureAwait(false);
            throw refusal;
        }
        catch
        {
            await files.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The client's fault behind a failure to read the body, as the refusal to answer with.</summary>
    private static RequestRefusedException? Refusal(Exception failure, HttpContext context, UploadOptions limits) => failure switch
    {
        // Kestrel's own limit, should it be the lower one.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => CappedStream.TooLarge(limits.MaxRequestBytes),
        // Headers of a part too long or too many, or not headers at all.
        InvalidDataException or BadHttpRequestException => RequestRefusedException.BadRequest($"The multipart body is malformed: {failure.Message}"),
        IOException when !context.RequestAborted.IsCancellationRequested =>
            RequestRefusedException.BadRequest("The multipart body ended before its closing boundary."),
        _ => null,
    };

    private async Task<GraphQLHttpRequest> ReadPartsAsync(MultipartReader reader, UploadedFiles files, CancellationToken cancellationToken)
    {
        var maxJsonBytes = graphQLOptions.Value.MaxRequestBytes;
        var operations = await ReadJsonPartAsync(reader, OperationsPart, maxJsonBytes, parser.FromJson, cancellationToken).ConfigureAwait(false);
        var map = await ReadJsonPartAsync(reader, MapPart, maxJsonBytes, ReadMap, cancellationToken).ConfigureAwait(false);
        CheckMap(map, operations);

        var limits = uploadOptions.Value;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var (name, fileName) = FormField(section);
            if (!map.ContainsKey(name))
            {
                throw RequestRefusedException.BadRequest($"Part '{name}' is not named in 'map'; every file part must be.");
            }

            if (fileName is null)
            {
                throw RequestRefusedException.BadRequest($"Part '{name}' is not a file (its Content-Disposition has no filename).");
            }

            if (files.Contains(name))
            {
                throw RequestRefusedException.BadRequest($"Part '{name}' is sent twice.");
            }

            var contentType = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType;
            files.Add(name, await UploadSpool.ReceiveAsync(section.Body, name, fileName, contentType, limits.MaxFileBytes, cancellationToken)
                .ConfigureAwait(false));
        }

        if (map.Keys.FirstOrDefault(name => !files.Contains(name)) is { } missing)
        {
            throw RequestRefusedException.BadRequest($"File part '{missing}' is named in 'map' but was not sent.");
        }

        var placements = map.SelectMany(entry => entry.Value.Select(path => (path, (object)files[entry.Key])));
        return operations with { Variables = OperationsPath.Substitute(operations.Variables, placements) };
    }

    private void CheckMap(Dictionary<string, string[]> map, GraphQLHttpRequest operations)
    {
        var maxFiles = uploadOptions.Value.MaxFiles;
        if (map.Count > maxFiles)
        {
            throw new RequestRefusedException(
                StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The request names {map.Count} files in 'map'; at most {maxFiles} may be sent at once."));
        }

        foreach (var path in map.Values.SelectMany(paths => paths))
        {
            if (OperationsPath.Problem(operations.Variables, path) is { } problem)
            {
                throw RequestRefusedException.BadRequest(problem);
            }
        }
    }

    private static void EnsurePreflight(IHeaderDictionary headers)
    {
        if (!PreflightHeaders.Any(name => !string.IsNullOrWhiteSpace(headers[name])))
        {
            throw RequestRefusedException.BadRequest(
                "A multipart request must carry a non-empty 'GraphQL-Preflight' (or 'Apollo-Require-Preflight') header: "
                + "it makes browsers ask first, so another site cannot send one on a user's behalf (CSRF).");
        }
    }

    private static string Boundary(string? contentType)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? HeaderUtilities.RemoveQuotes(parsed.Boundary).Value : null;
        return boundary is { Length: > 0 and <= MaxBoundaryLength }
            ? boundary
            : throw RequestRefusedException.BadRequest("The multipart Content-Type has no valid boundary parameter.");
    }

    private static async Task<T> ReadJsonPartAsync<T>(
        MultipartReader reader, string expected, int maxBytes, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        if (section is null || FormField(section).Name != expected)
        {
            throw RequestRefusedException.BadRequest(
                $"A multipart request must send the parts 'operations', then 'map', then the files; '{expected}' is not where it belongs.");
        }

        using var content = new MemoryStream();
        var buffer = new byte[Math.Min(maxBytes + 1, 16 * 1024)];
        int count;
        while ((count = await section.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (content.Length + count > maxBytes)
            {
                throw new RequestRefusedException(
                    StatusCodes.Status413PayloadTooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"The '{expected}' part is larger than {maxBytes} bytes."));
            }

            content.Write(buffer, 0, count);
        }

        try
        {
            return CappedBody.Read(new ReadOnlySequence<byte>(content.GetBuffer(), 0, (int)content.Length), read);
        }
        catch (RequestRefusedException refused)
        {
            throw RequestRefusedException.BadRequest($"The '{expected}' part: {refused.Message}");
        }
    }

    private static Dictionary<string, string[]> ReadMap(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw RequestRefusedException.BadRequest("'map' must be a JSON object of file part names to arrays of object paths.");
        }

        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Name.Length == 0 || entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() == 0
                || entry.Value.EnumerateArray().Any(path => path.ValueKind != JsonValueKind.String))
            {
                throw RequestRefusedException.BadRequest($"'map' entry '{entry.Name}' must name a part and give a non-empty array of object paths.");
            }

            if (!entries.TryAdd(entry.Name, [.. entry.Value.EnumerateArray().Select(path => path.GetString()!)]))
            {
                throw RequestRefusedException.BadRequest($"'map' names part '{entry.Name}' twice.");
            }
        }

        return entries;
    }

    private static (string Name, string? FileName) FormField(MultipartSection section)
    {
        var disposition = section.GetContentDispositionHeader();
        if (disposition is null
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(disposition.Name.Value))
        {
            throw RequestRefusedException.BadRequest("Every part of a multipart request must have 'Content-Disposition: form-data; name=…'.");
        }

        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value
            : disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value
            : null;
        // Only the last segment: a client's directory names are none of our business, and never a path to use.
        return (name, fileName is null ? null : Path.GetFileName(fileName.Replace('\\', '/')));
    }
}

/// <summary>A multipart request, read to the end: the GraphQL request with its files in the variables.</summary>
internal sealed record MultipartRequest(GraphQLHttpRequest Request, UploadedFiles Files);

/// <summary>The files of one request by part name; disposing deletes what is left of them.</summary>
internal sealed class UploadedFiles : IAsyncDisposable
{
    private readonly Dictionary<string, FileUpload> _files = new(StringComparer.Ordinal);

    public FileUpload this[string name] => _files[name];

    public bool Contains(string name) => _files.ContainsKey(name);

    public void Add(string name, FileUpload file) => _files.Add(name, file);

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }

        _files.Clear();
    }
}
