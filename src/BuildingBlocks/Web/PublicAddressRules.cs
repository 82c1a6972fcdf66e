using System.Net;
using System.Net.Sockets;

namespace NftMarketplace.BuildingBlocks.Web;

/// <summary>
/// Which IP addresses and host names are on the public internet. A URL that a user gives us and that someone fetches
/// (browsers for profile pictures, our metadata fetcher for token URIs) must not point at the local machine, a private
/// network or a cloud metadata service. Names are judged by <see cref="PublicUrl"/>; a fetcher must also judge every
/// address a name resolves to with <see cref="IsPublic(IPAddress)"/> when it connects (DNS can answer anything).
/// </summary>
public static class PublicAddressRules
{
    // IPv4 ranges that are not public unicast: this network, private, CGNAT, loopback, link-local (cloud metadata at
    // 169.254.169.254), IETF protocol assignments, documentation, benchmarking, multicast, reserved and broadcast.
    private static readonly (uint Network, int PrefixLength)[] NonPublicV4 =
    [
        (V4(0, 0, 0, 0), 8),
        (V4(10, 0, 0, 0), 8),
        (V4(100, 64, 0, 0), 10),
        (V4(127, 0, 0, 0), 8),
        (V4(169, 254, 0, 0), 16),
        (V4(172, 16, 0, 0), 12),
        (V4(192, 0, 0, 0), 24),
        (V4(192, 0, 2, 0), 24),
        (V4(192, 88, 99, 0), 24),
        (V4(192, 168, 0, 0), 16),
        (V4(198, 18, 0, 0), 15),
        (V4(198, 51, 100, 0), 24),
        (V4(203, 0, 113, 0), 24),
        (V4(224, 0, 0, 0), 4),
        (V4(240, 0, 0, 0), 4),
    ];

    /// <summary>Names that always mean this machine or a private network, whatever DNS says (RFC 6761, 6762, 8375).</summary>
    private static readonly string[] PrivateNameSuffixes = ["localhost", "local", "internal", "home.arpa", "lan", "intranet", "localdomain"];

    /// <summary>True for a public unicast address; false for every special-purpose one, also inside IPv6 wrappers.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d; also :: and ::1, which land in 0.0.0.0/8) and NAT64
        // (64:ff9b::a.b.c.d) carry an IPv4 address, which is what is really reached.
        if (address.IsIPv4MappedToIPv6 || IsZero(bytes[..12]) || IsNat64(bytes))
        {
            return IsPublicV4(new IPAddress(bytes[12..]));
        }

        // 6to4 (2002::/16) carries an IPv4 address in its next 32 bits.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsPublicV4(new IPAddress(bytes[2..6]));
        }

        return bytes[0] switch
        {
            0xfc or 0xfd => false,                                    // unique local fc00::/7
            0xff => false,                                            // multicast ff00::/8
            0xfe when (bytes[1] & 0xc0) is 0x80 or 0xc0 => false,     // link-local fe80::/10, site-local fec0::/10
            0x20 when bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8 => false, // documentation 2001:db8::/32
            0x01 when IsZero(bytes[1..8]) => false,                   // discard-only 100::/64
            _ => (bytes[0] & 0xe0) == 0x20,                           // global unicast is 2000::/3
        };
    }

    /// <summary>
    /// True for a DNS name that may be public: at least two labels, no numeric last label (that is an IPv4 address in
    /// disguise, e.g. <c>127.1</c>, <c>2130706433</c>, <c>0x7f.1</c>, <c>0177.0.0.1</c>), and none of the names that
    /// always mean this machine or a private network (<c>localhost</c>, <c>*.localhost</c>, <c>*.local</c>,
    /// <c>*.internal</c>, …). Expects a lowercase name; a trailing dot is ignored.
    /// </summary>
    public static bool IsPublicHostName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.EndsWith('.') ? host[..^1] : host;
        var labels = name.Split('.');
        if (labels.Length < 2 || labels.Any(string.IsNullOrEmpty) || IsNumericLabel(labels[^1]))
        {
            return false;
        }

        return !PrivateNameSuffixes.Any(suffix => name == suffix || name.EndsWith("." + suffix, StringComparison.Ordinal));
    }

    /// <summary>A label an IPv4 parser would read as a number: decimal, octal (leading 0) or hexadecimal (0x…).</summary>
    private static bool IsNumericLabel(string label) =>
        label.All(char.IsAsciiDigit)
        || (label.StartsWith("0x", StringComparison.Ordinal) && label[2..].All(char.IsAsciiHexDigit));

    private static bool IsPublicV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        var value = V4(b[0], b[1], b[2], b[3]);
        foreach (var (network, prefixLength) in NonPublicV4)
        {
            var mask = uint.MaxValue << (32 - prefixLength);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNat64(ReadOnlySpan<byte> b) => b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && IsZero(b[4..12]);

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private static uint V4(int a, int b, int c, int d) => (uint)((a << 24) | (b << 16) | (c << 8) | d);
}
