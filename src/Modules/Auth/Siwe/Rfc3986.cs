using System.Buffers;
using System.Globalization;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// The parts of the RFC 3986 grammar that EIP-4361 builds on: scheme, authority, URI and the
/// character classes of statement and request ID. Hand-written checks over spans, no regex:
/// the input is untrusted and this keeps the cost linear in its length.
/// </summary>
/// <remarks>
/// <see cref="Uri"/> is deliberately not used: it normalises, accepts relative and Windows paths,
/// and its notion of validity is not RFC 3986, so it would accept text the signature does not cover as written.
/// </remarks>
internal static class Rfc3986
{
    private const string Alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Digit = "0123456789";
    private const string UnreservedChars = Alpha + Digit + "-._~";
    private const string SubDelimChars = "!$&'()*+,;=";
    private const string GenDelimChars = ":/?#[]@";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> SchemeChars = SearchValues.Create(Alpha + Digit + "+-.");
    private static readonly SearchValues<char> RegNameChars = SearchValues.Create(UnreservedChars + SubDelimChars);
    private static readonly SearchValues<char> UserInfoChars = SearchValues.Create(UnreservedChars + SubDelimChars + ":");
    private static readonly SearchValues<char> PcharChars = SearchValues.Create(UnreservedChars + SubDelimChars + ":@");
    private static readonly SearchValues<char> PathChars = SearchValues.Create(UnreservedChars + SubDelimChars + ":@/");
    private static readonly SearchValues<char> QueryChars = SearchValues.Create(UnreservedChars + SubDelimChars + ":@/?");
    private static readonly SearchValues<char> StatementChars =
        SearchValues.Create(UnreservedChars + SubDelimChars + GenDelimChars + " ");

    /// <summary><c>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>.</summary>
    public static bool IsScheme(ReadOnlySpan<char> text) =>
        !text.IsEmpty && char.IsAsciiLetter(text[0]) && !text.ContainsAnyExcept(SchemeChars);

    /// <summary>EIP-4361 statement: <c>*( reserved / unreserved / " " )</c>, one line of printable ASCII.</summary>
    public static bool IsStatement(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(StatementChars);

    /// <summary><c>*pchar</c>, the EIP-4361 request ID.</summary>
    public static bool IsPchars(ReadOnlySpan<char> text) => IsEncoded(text, PcharChars);

    /// <summary>An absolute <c>URI</c> (scheme, hier-part, optional query and fragment).</summary>
    public static bool IsUri(ReadOnlySpan<char> text) => IsUri(text, out _);

    /// <summary>An absolute <c>URI</c>; <paramref name="authority"/> is its authority, or null when it has none.</summary>
    public static bool IsUri(ReadOnlySpan<char> text, out Range? authority)
    {
        authority = null;
        var colon = text.IndexOf(':');
        if (colon < 0 || !IsScheme(text[..colon]))
        {
            return false;
        }

        // The fragment is split off first: it may contain '?', the path may not.
        var rest = text[(colon + 1)..];
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!IsEncoded(rest[(hash + 1)..], QueryChars))
            {
                return false;
            }

            rest = rest[..hash];
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!IsEncoded(rest[(question + 1)..], QueryChars))
            {
                return false;
            }

            rest = rest[..question];
        }

        var path = rest;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var start = colon + 3;
            var slash = rest[2..].IndexOf('/');
            var length = slash < 0 ? rest.Length - 2 : slash;
            if (!IsAuthority(text.Slice(start, length), requireHost: false, out _))
            {
                return false;
            }

            authority = start..(start + length);
            path = rest[(2 + length)..];
        }

        // Every path form (abempty, absolute, rootless, empty) is pchars and slashes once "//" is taken.
        return IsEncoded(path, PathChars);
    }

    /// <summary>
    /// <c>authority = [ userinfo "@" ] host [ ":" port ]</c>; <paramref name="host"/> locates the host within it.
    /// RFC 3986 allows an empty host; a sign-in domain needs one, hence <paramref name="requireHost"/>.
    /// </summary>
    public static bool IsAuthority(ReadOnlySpan<char> text, bool requireHost, out Range host)
    {
        host = default;
        var hostStart = 0;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            if (!IsEncoded(text[..at], UserInfoChars))
            {
                return false;
            }

            hostStart = at + 1;
        }

        var hostAndPort = text[hostStart..];
        int hostLength;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0 || !IsIpLiteral(hostAndPort[1..close]))
            {
                return false;
            }

            hostLength = close + 1;
        }
        else
        {
            // A reg-name has no ':', so the last one (if any) starts the port.
            var colon = hostAndPort.LastIndexOf(':');
            hostLength = colon < 0 ? hostAndPort.Length : colon;
            if (!IsEncoded(hostAndPort[..hostLength], RegNameChars))
            {
                return false;
            }
        }

        var afterHost = hostAndPort[hostLength..];
        if (!afterHost.IsEmpty && (afterHost[0] != ':' || afterHost[1..].ContainsAnyExceptInRange('0', '9')))
        {
            return false;
        }

        if (requireHost && hostLength == 0)
        {
            return false;
        }

        host = hostStart..(hostStart + hostLength);
        return true;
    }

    /// <summary>Characters from <paramref name="allowed"/>, or <c>%</c> followed by two hex digits.</summary>
    private static bool IsEncoded(ReadOnlySpan<char> text, SearchValues<char> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed.Contains(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The inside of <c>IP-literal = "[" ( IPv6address / IPvFuture ) "]"</c>.</summary>
    private static bool IsIpLiteral(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] is not ('v' or 'V'))
        {
            return IsIpV6(text);
        }

        // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        var dot = text.IndexOf('.');
        return dot > 1
            && !text[1..dot].ContainsAnyExcept(HexDigits)
            && dot + 1 < text.Length
            && !text[(dot + 1)..].ContainsAnyExcept(UserInfoChars);
    }

    /// <summary>
    /// <c>IPv6address</c>: eight 16-bit groups, or fewer with one <c>::</c> standing for at least one,
    /// the last two optionally written as a dotted IPv4 address.
    /// </summary>
    private static bool IsIpV6(ReadOnlySpan<char> text)
    {
        var gap = text.IndexOf("::", StringComparison.Ordinal);
        if (gap < 0)
        {
            return TryCountGroups(text, ipV4Tail: true, out var count) && count == 8;
        }

        var tail = text[(gap + 2)..];
        return !tail.Contains("::", StringComparison.Ordinal)
            && TryCountGroups(text[..gap], ipV4Tail: false, out var before)
            && TryCountGroups(tail, ipV4Tail: true, out var after)
            && before + after <= 7;
    }

    /// <summary>Counts colon-separated <c>h16</c> groups; an IPv4 tail counts as two.</summary>
    private static bool TryCountGroups(ReadOnlySpan<char> text, bool ipV4Tail, out int count)
    {
        count = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        while (true)
        {
            var colon = text.IndexOf(':');
            var group = colon < 0 ? text : text[..colon];
            if (colon < 0 && ipV4Tail && group.Contains('.'))
            {
                count += 2;
                return IsIpV4(group);
            }

            if (group.Length is < 1 or > 4 || group.ContainsAnyExcept(HexDigits))
            {
                return false;
            }

            count++;
            if (colon < 0)
            {
                return true;
            }

            text = text[(colon + 1)..];
        }
    }

    /// <summary>Four <c>dec-octet</c>s: 0-255 without leading zeros.</summary>
    private static bool IsIpV4(ReadOnlySpan<char> text)
    {
        for (var octet = 0; octet < 4; octet++)
        {
            var dot = text.IndexOf('.');
            if ((dot < 0) != (octet == 3))
            {
                return false;
            }

            var digits = dot < 0 ? text : text[..dot];
            if (digits.Length is < 1 or > 3
                || digits.ContainsAnyExceptInRange('0', '9')
                || (digits.Length > 1 && digits[0] == '0')
                || int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            text = dot < 0 ? [] : text[(dot + 1)..];
        }

        return true;
    }
}
