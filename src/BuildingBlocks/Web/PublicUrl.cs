using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace NftMarketplace.BuildingBlocks.Web;

/// <summary>
/// The one rule for URLs that users give us and that get fetched — by other people's browsers (profile pictures and
/// sites) or by us (token metadata): an absolute <c>https</c> URL without credentials whose host is a public DNS name or
/// a public IP address (<see cref="PublicAddressRules"/>). A fetcher must still check the addresses a name resolves to
/// when it connects; this rule only refuses what is not public on its face.
/// </summary>
public static class PublicUrl
{
    /// <summary>What every refusal says, after the field's name.</summary>
    public const string Requirement = "must be an absolute https URL of a public host (no IP address or name of a local or private network, no credentials)";

    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <summary>The URL, when <paramref name="text"/> passes the rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.UserInfo)
            || string.IsNullOrEmpty(uri.Host)
            || !IsPublicHost(uri))
        {
            return false;
        }

        url = uri;
        return true;
    }

    private static bool IsPublicHost(Uri uri) => uri.HostNameType switch
    {
        // DnsSafeHost drops the brackets (and any zone) of an IPv6 literal.
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(uri.DnsSafeHost, out var address)
            && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.ScopeId == 0)
            && PublicAddressRules.IsPublic(address),
        UriHostNameType.Dns => PublicAddressRules.IsPublicHostName(uri.IdnHost.ToLowerInvariant()),
        _ => false,
    };
}
