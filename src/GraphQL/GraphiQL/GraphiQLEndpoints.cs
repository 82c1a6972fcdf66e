using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.GraphQL.GraphiQL;

/// <summary>
/// Serves GraphiQL from assets embedded in this assembly (no CDN: users may be offline), with a
/// content security policy that lets the page talk to this server only.
/// </summary>
public static class GraphiQLEndpoints
{
    private const string ResourcePrefix = "graphiql/";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
        + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IHostApplicationBuilder AddGraphiQL(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GraphiQLOptions>(GraphiQLOptions.Section, o => o.Validate());
        return builder;
    }

    /// <summary>Maps the IDE when it is enabled (by default in Development only).</summary>
    public static IEndpointRouteBuilder MapGraphiQL(this IEndpointRouteBuilder endpoints, string graphQLPath = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GraphiQLOptions>>().Value;
        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!(options.Enabled ?? environment.IsDevelopment()))
        {
            return endpoints;
        }

        var page = RenderPage(graphQLPath);
        // Routing matches the path with and without its trailing slash; the page needs the slash so
        // that its assets resolve relative to it.
        endpoints.MapGet(options.Path, (HttpContext context) =>
                context.Request.Path.Value!.EndsWith('/')
                    ? Serve(context, page, ".html", cacheable: false)
                    : Results.Redirect(context.Request.PathBase + options.Path + "/" + context.Request.QueryString))
            .ExcludeFromDescription();
        endpoints.MapGet(options.Path + "/{asset}", (HttpContext context, string asset) =>
                Assets.Value.TryGetValue(asset, out var content)
                    ? Serve(context, content, System.IO.Path.GetExtension(asset), cacheable: true)
                    : Results.NotFound())
            .ExcludeFromDescription();
        return endpoints;
    }

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Assets = new(LoadAssets);

    private static FrozenDictionary<string, byte[]> LoadAssets()
    {
        var assembly = typeof(GraphiQLEndpoints).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && !name.EndsWith("index.html", StringComparison.Ordinal))
            .ToFrozenDictionary(
                name => name[ResourcePrefix.Length..],
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                },
                StringComparer.Ordinal);
    }

    private static byte[] RenderPage(string graphQLPath)
    {
        var assembly = typeof(GraphiQLEndpoints).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + "index.html")!;
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd().Replace("{{endpoint}}", WebUtility.HtmlEncode(graphQLPath), StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(html);
    }

    private static IResult Serve(HttpContext context, byte[] content, string extension, bool cacheable)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // Assets change only with a new build of the Host; the page itself is small and always fresh.
        headers.CacheControl = cacheable ? "public, max-age=3600" : "no-cache";
        return Results.Bytes(content, ContentTypes.GetValueOrDefault(extension, "application/octet-stream"));
    }
}
