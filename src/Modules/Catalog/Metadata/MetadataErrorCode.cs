namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>The stable reasons of a failed metadata fetch, as <c>Token.metadataErrorCode</c> reports them.</summary>
internal static class MetadataErrorCode
{
    /// <summary>The SSRF guard refused the address (or a redirect's).</summary>
    public const string BlockedAddress = "BLOCKED_ADDRESS";

    /// <summary>A URI scheme or form the fetcher does not read.</summary>
    public const string UnsupportedUri = "UNSUPPORTED_URI";

    public const string Timeout = "TIMEOUT";

    public const string TooLarge = "TOO_LARGE";

    /// <summary>An HTTP status other than 2xx, too many redirects, or a content type that is not JSON.</summary>
    public const string HttpStatus = "HTTP_STATUS";

    /// <summary>Not JSON, not a JSON object, or nested too deep.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>The token has no URI.</summary>
    public const string NotFound = "NOT_FOUND";

    public const string RpcError = "RPC_ERROR";
}
