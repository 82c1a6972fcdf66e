using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>Whose budget a request spends: the signed-in user's, else its IP address's.</summary>
public readonly record struct RateLimitKey(string Value, bool IsUser)
{
    public static RateLimitKey For(ClaimsPrincipal? user, IPAddress? remoteAddress)
    {
        if (user?.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } userId)
        {
            return new RateLimitKey("user:" + userId, IsUser: true);
        }

        return new RateLimitKey("ip:" + Network(remoteAddress), IsUser: false);
    }

    /// <summary>
    /// IPv4 by address; IPv6 by /64, because one subscriber is routinely given a whole /64 and could otherwise
    /// rotate addresses to get a fresh budget per request.
    /// </summary>
    private static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
