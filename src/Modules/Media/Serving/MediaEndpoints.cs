using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.Modules.Media.ContentAddressing;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Reading;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Modules.Media.Serving;

/// <summary>
/// <c>GET /media/{cid}</c> and <c>GET /media/{cid}/w/{width}</c>: the stored bytes (or a WebP variant), streamed from
/// object storage with their type and length, the CID as ETag (304 on <c>If-None-Match</c>), immutable caching, single
/// byte ranges (206, 416) and headers that keep a browser from running anything in our origin: <c>nosniff</c> and a
/// CSP that allows nothing and sandboxes the document. Unknown: 404; rejected: 451; pending: those who uploaded it and
/// admins only (404 to anyone else), never cached by shared caches.
/// </summary>
public static class MediaEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(MediaUrls.Prefix + "/{cid}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string cid) => ServeAsync(http, cid, null))
            .ExcludeFromDescription();
        endpoints.MapMethods(MediaUrls.Prefix + "/{cid}/w/{width:int}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string cid, int width) => ServeAsync(http, cid, width))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext http, string cid, int? width)
    {
        var response = http.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        var asset = ContentId.IsWellFormed(cid)
            ? await http.RequestServices.GetRequiredService<MediaDocuments>().FindAsync(cid, http.RequestAborted).ConfigureAwait(false)
            : null;
        var user = CurrentUser.From(http.User);
        Guid? caller = user is not null && Guid.TryParse(user.UserId, out var id) ? id : null;
        if (asset is null || (asset.Moderation == "PENDING" && !MediaVisibility.CanSee(asset, caller, user?.IsInRole(Roles.Admin) == true)))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (asset.Moderation == "REJECTED")
        {
            response.StatusCode = StatusCodes.Status451UnavailableForLegalReasons;
            return;
        }

        string key, mime, etag;
        long length;
        if (width is { } w)
        {
            var variant = asset.Variants.FirstOrDefault(v => v.W == w);
            if (variant is null)
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            (key, mime, length, etag) = (variant.S3Key, variant.Mime, variant.Bytes, string.Create(CultureInfo.InvariantCulture, $"\"{cid}-w{w}\""));
        }
        else
        {
            (key, mime, length, etag) = (asset.S3Key, asset.Mime, asset.Bytes, $"\"{cid}\"");
        }

        var headers = response.Headers;
        headers.ETag = etag;
        headers.CacheControl = asset.Moderation == "APPROVED" ? Immutable : "private, no-store";
        headers.AcceptRanges = "bytes";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        headers.ContentDisposition = mime.StartsWith("image/", StringComparison.Ordinal) || mime.StartsWith("video/", StringComparison.Ordinal) || mime.StartsWith("audio/", StringComparison.Ordinal)
            ? "inline"
            : "attachment";

        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = ByteRangeHeader.Parse(http.Request.Headers.Range.ToString(), length);
        if (range is ByteRangeHeader.Unsatisfiable)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");
            return;
        }

        response.ContentType = mime;
        var (from, to) = range is ByteRangeHeader.Satisfiable r ? (r.From, r.To) : (0L, length - 1);
        if (range is ByteRangeHeader.Satisfiable)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{to}/{length}");
        }

        response.ContentLength = Math.Max(0, to - from + 1);
        if (HttpMethods.IsHead(http.Request.Method) || length == 0)
        {
            return;
        }

        var objects = http.RequestServices.GetRequiredService<MediaObjects>();
        using var stored = await objects.GetAsync(key, range is ByteRangeHeader.Satisfiable ? (from, to) : null, http.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            response.ContentLength = null;
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using var body = stored.ResponseStream;
        await body.CopyToAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
