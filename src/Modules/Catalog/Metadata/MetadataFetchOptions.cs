using System.Net;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>Limits of reading token metadata over HTTP (configuration <c>Catalog:Metadata</c>).</summary>
internal sealed class MetadataFetchOptions
{
    public const string Section = "Catalog:Metadata";

    /// <summary>Longest a whole fetch may take: connecting, every redirect and the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body read.</summary>
    public int MaxBytes { get; set; } = MetadataNormalizer.MaxBytes;

    /// <summary>Redirects followed; each one's address is checked again.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// Networks (CIDR, e.g. <c>127.0.0.0/8</c>, or single addresses) the SSRF guard lets through although they are
    /// loopback, private or link-local: the local stack's servers in development. Empty by default, in Development
    /// too: an allowance is explicit configuration only.
    /// </summary>
    public List<string> AllowedPrivateNetworks { get; } = [];

    /// <summary>
    /// IPFS gateways (base URLs, <c>https://ipfs.io</c>) tried in order for content that our own Media store does not
    /// have; the path <c>/ipfs/&lt;cid&gt;…</c> is appended. Fetched behind the same SSRF guard as any URL.
    /// </summary>
    public List<string> IpfsGateways { get; } = [];

    /// <summary>The Arweave gateway (base URL) <c>ar://&lt;id&gt;</c> is read through.</summary>
    public string ArweaveGateway { get; set; } = "https://arweave.net";

    /// <summary>The IPFS gateways, or the public one when none is configured.</summary>
    internal IReadOnlyList<Uri> Gateways =>
        IpfsGateways.Count == 0 ? [new Uri("https://ipfs.io/")] : [.. IpfsGateways.Select(g => new Uri(g.TrimEnd('/') + "/"))];

    internal IEnumerable<string> Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:{nameof(Timeout)} must be more than 0 and at most 00:05:00 (got {Timeout}).";
        }

        if (MaxBytes is < 2 or > 64 * 1024 * 1024)
        {
            yield return $"{Section}:{nameof(MaxBytes)} must be between 2 and 67108864 (got {MaxBytes}).";
        }

        if (MaxRedirects is < 0 or > 10)
        {
            yield return $"{Section}:{nameof(MaxRedirects)} must be between 0 and 10 (got {MaxRedirects}).";
        }

        for (var i = 0; i < IpfsGateways.Count; i++)
        {
            if (!IsHttpBase(IpfsGateways[i]))
            {
                yield return $"{Section}:{nameof(IpfsGateways)}:{i} is not an http(s) URL (got '{IpfsGateways[i]}').";
            }
        }

        if (!IsHttpBase(ArweaveGateway))
        {
            yield return $"{Section}:{nameof(ArweaveGateway)} is not an http(s) URL (got '{ArweaveGateway}').";
        }

        for (var i = 0; i < AllowedPrivateNetworks.Count; i++)
        {
            if (Network(AllowedPrivateNetworks[i]) is null)
            {
                yield return $"{Section}:{nameof(AllowedPrivateNetworks)}:{i} is not an address or a CIDR network (got '{AllowedPrivateNetworks[i]}').";
            }
        }
    }

    private static bool IsHttpBase(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0;

    /// <summary>The allowance in CIDR form (a single address becomes a /32 or /128), or null when it does not parse.</summary>
    internal static string? Network(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network))
        {
            return network.ToString();
        }

        return IPAddress.TryParse(trimmed, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128).ToString()
            : null;
    }
}
