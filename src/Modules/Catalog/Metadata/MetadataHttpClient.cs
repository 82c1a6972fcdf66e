using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.Security.AntiSSRF;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>
/// Reads a metadata document from an <c>http(s)</c> URL that a token (anyone) chose, without letting it reach this
/// machine or its networks. Microsoft.Security.AntiSSRF checks every address when the connection is made (the socket
/// connects to the address it checked, so a name that resolves once to a public and then to a private address gains
/// nothing): loopback, RFC 1918, link-local and cloud metadata (169.254.169.254), CGNAT, multicast, unspecified,
/// IPv6 unique-local and link-local, and the IPv4-mapped, NAT64 and 6to4 forms of them — except the networks of
/// <see cref="MetadataFetchOptions.AllowedPrivateNetworks"/>. Redirects are followed here, not by the handler, so each
/// hop's scheme is checked, the hops are counted (<see cref="MetadataFetchOptions.MaxRedirects"/>) and a refusal names
/// the hop. No proxy is used (the handler turns it off), so the checked address is the server's own. The body is capped in size and the whole fetch in time; a body that is plainly not JSON (HTML, images) is
/// refused by its content type before it is read.
/// </summary>
internal sealed class MetadataHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly MetadataFetchOptions _options;
    private readonly TimeProvider _time;

    public MetadataHttpClient(IOptions<MetadataFetchOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        var policy = new AntiSSRFPolicy(PolicyConfigOptions.ExternalOnlyLatest)
        {
            // Token metadata is often served over plain HTTP; the address rules are what protects us here.
            AllowPlainTextHttp = true,
            // The policy's default tells the remote server our own address; nothing here needs that.
            AddXFFHeader = false,
        };
        var allowed = _options.AllowedPrivateNetworks.Select(MetadataFetchOptions.Network).OfType<string>().ToArray();
        if (allowed.Length > 0)
        {
            policy.AddAllowedAddresses(allowed);
        }

        var handler = policy.GetHandler();
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.ConnectTimeout = _options.Timeout;
        handler.MaxResponseHeadersLength = 64;
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(1);
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/json, */*;q=0.5");
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("NftMarketplace-Catalog/1.0");
    }

    public async Task<FetchedDocument> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FollowAsync(url, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return FetchedDocument.Failed(MetadataErrorCode.Timeout, $"{url.Host} did not answer within {_options.Timeout.TotalSeconds:0.###} s");
        }
    }

    private async Task<FetchedDocument> FollowAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (current.Scheme is not ("http" or "https"))
            {
                return FetchedDocument.Failed(MetadataErrorCode.UnsupportedUri, $"{(redirects == 0 ? "the URL" : "a redirect")} uses '{current.Scheme}', not http or https");
            }

            // The socket layer refuses 0.0.0.0 and :: itself, with an error that would not say why.
            if (IPAddress.TryParse(current.IdnHost, out var literal) && (literal.Equals(IPAddress.Any) || literal.Equals(IPAddress.IPv6Any)))
            {
                return Blocked(current, "the unspecified address");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Refusal(ex) is { } refusal)
            {
                return Blocked(current, refusal.Message);
            }
            catch (HttpRequestException ex)
            {
                return FetchedDocument.Failed(MetadataErrorCode.HttpStatus, $"{current.Host}: {ex.Message}");
            }

            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == _options.MaxRedirects)
                    {
                        return FetchedDocument.Failed(MetadataErrorCode.HttpStatus, $"more than {_options.MaxRedirects} redirects (the last to {Describe(new Uri(current, location))})");
                    }

                    current = new Uri(current, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return FetchedDocument.Failed(MetadataErrorCode.HttpStatus, $"HTTP {(int)response.StatusCode} from {current.Host}");
                }

                return await ReadAsync(response, current, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<FetchedDocument> ReadAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (!MayBeJson(mediaType))
        {
            return FetchedDocument.Failed(MetadataErrorCode.InvalidJson, $"{url.Host} answered {mediaType}, not JSON");
        }

        if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
        {
            return TooLarge(url, $"{declared} bytes declared");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Read up to one byte past the cap: a body that does not stop there is refused without reading on.
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes)
                {
                    return TooLarge(url, "the body went on");
                }

                buffer.Write(chunk, 0, read);
            }

            return FetchedDocument.Ok(buffer.ToArray(), mediaType);
        }
    }

    /// <summary>JSON under its own types, or under the generic ones servers and buckets give files they do not know.</summary>
    internal static bool MayBeJson(string? mediaType) => mediaType is null
        or "application/json" or "text/json" or "text/plain" or "application/octet-stream" or "binary/octet-stream"
        || (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static AntiSSRFException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AntiSSRFException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private FetchedDocument TooLarge(Uri url, string detail) =>
        FetchedDocument.Failed(MetadataErrorCode.TooLarge, $"{url.Host}'s document is larger than {_options.MaxBytes} bytes ({detail})");

    private static FetchedDocument Blocked(Uri url, string reason) =>
        FetchedDocument.Failed(MetadataErrorCode.BlockedAddress, $"{Describe(url)} is not fetched: {reason}");

    private static string Describe(Uri url) => $"{url.Scheme}://{url.Authority}";

    public void Dispose() => _client.Dispose();
}
