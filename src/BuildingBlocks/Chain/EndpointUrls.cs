namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>RPC URLs as they may be shown: providers put API keys in the path, the query or the user info.</summary>
public static class EndpointUrls
{
    private const string Hidden = "***";

    /// <summary>
    /// Scheme, host and port only; a path or query is replaced by <c>***</c> and user info is dropped, e.g.
    /// <c>https://mainnet.infura.io/v3/KEY</c> becomes <c>https://mainnet.infura.io/***</c>.
    /// </summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return Hidden;
        }

        var shown = url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        if (url.AbsolutePath.Length > 1)
        {
            shown += "/" + Hidden;
        }

        if (url.Query.Length > 0)
        {
            shown += "?" + Hidden;
        }

        return shown;
    }

    internal static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
