using System.Buffers;
using System.Numerics;
using System.Text;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>
/// Turns a token URI (<c>tokenURI</c>, <c>uri</c>, or an image URL inside metadata) into a <see cref="FetchPlan"/>:
/// <c>ipfs://&lt;cid&gt;/path</c>, <c>ipfs://ipfs/&lt;cid&gt;/path</c>, a gateway URL <c>http(s)://…/ipfs/&lt;cid&gt;/path</c>
/// and a bare CID; <c>ar://&lt;id&gt;/path</c>; <c>data:</c> URIs (RFC 2397, base64 or percent-encoded, any media
/// type); <c>http(s)://</c>. Anything else is refused as <see cref="MetadataErrorCode.UnsupportedUri"/>. For an
/// ERC-1155 token every <c>{id}</c> is first replaced by the id as 64 lower-case hex digits (EIP-1155), in every form.
/// </summary>
internal static class TokenUri
{
    /// <summary>The largest URI read, and so the largest inline document.</summary>
    public const int MaxLength = MetadataNormalizer.MaxBytes * 4 / 3 + 1024;

    private static readonly SearchValues<char> Base58 = SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    private static readonly SearchValues<char> Base32Lower = SearchValues.Create("abcdefghijklmnopqrstuvwxyz234567");
    private static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <param name="uri">The URI as the contract returned it.</param>
    /// <param name="erc1155Id">The token id when the token is an ERC-1155 one (its URI is a template), else null.</param>
    public static FetchPlan Plan(string? uri, BigInteger? erc1155Id = null)
    {
        var text = uri?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new RefusedPlan(MetadataErrorCode.NotFound, "the token has no URI");
        }

        if (text.Length > MaxLength)
        {
            return new RefusedPlan(MetadataErrorCode.TooLarge, $"the URI is {text.Length} characters, more than {MaxLength}");
        }

        if (erc1155Id is { } id)
        {
            if (!Uint256.Fits(id))
            {
                return new RefusedPlan(MetadataErrorCode.UnsupportedUri, "the token id is not a uint256");
            }

            text = text.Replace("{id}", Erc1155IdHex(id), StringComparison.Ordinal);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon].ToLowerInvariant() : "";
        return scheme switch
        {
            "ipfs" => Ipfs(text[(colon + 1)..].TrimStart('/'), text),
            "ar" => Arweave(text[(colon + 1)..].TrimStart('/'), text),
            "data" => Data(text[(colon + 1)..]),
            "http" or "https" => Http(text),
            "" when IsCid(text.Split('/', 2)[0]) => Ipfs(text, text),
            _ => new RefusedPlan(MetadataErrorCode.UnsupportedUri, colon > 0 ? $"the URI scheme '{Shorten(scheme)}' is not read" : $"'{Shorten(text)}' is not a URI"),
        };
    }

    /// <summary>EIP-1155's <c>{id}</c>: the id in lower-case hex, padded with zeros to 64 digits, no <c>0x</c>.</summary>
    public static string Erc1155IdHex(BigInteger id)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        // Written into the end of the 32 bytes, big-endian: formatting the number as hex would add a sign digit.
        var length = id.GetByteCount(isUnsigned: true);
        if (!id.TryWriteBytes(bytes[(32 - length)..], out _, isUnsigned: true, isBigEndian: true))
        {
            throw new ArgumentOutOfRangeException(nameof(id), "The id is not a uint256.");
        }

        return Convert.ToHexStringLower(bytes);
    }

    private static FetchPlan Ipfs(string rest, string original)
    {
        // ipfs://ipfs/<cid>: an old form that repeats the namespace.
        if (rest.StartsWith("ipfs/", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[5..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        var cid = end < 0 ? rest : rest[..end];
        if (!IsCid(cid))
        {
            return new RefusedPlan(MetadataErrorCode.UnsupportedUri, $"'{Shorten(cid)}' in {Shorten(original)} is not a CID");
        }

        return new IpfsPlan(cid, end < 0 ? "" : PathOnly(rest[end..]));
    }

    private static FetchPlan Arweave(string rest, string original)
    {
        var end = rest.IndexOfAny(['/', '?', '#']);
        var id = end < 0 ? rest : rest[..end];
        // A transaction id: 32 bytes in base64url, 43 characters.
        if (id.Length != 43 || id.AsSpan().ContainsAnyExcept(Base64Url))
        {
            return new RefusedPlan(MetadataErrorCode.UnsupportedUri, $"'{Shorten(id)}' in {Shorten(original)} is not an Arweave transaction id");
        }

        return new ArweavePlan(id, end < 0 ? "" : PathOnly(rest[end..]));
    }

    private static FetchPlan Http(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
        {
            return new RefusedPlan(MetadataErrorCode.UnsupportedUri, $"{Shorten(text)} is not an HTTP URL");
        }

        if (url.UserInfo.Length > 0)
        {
            return new RefusedPlan(MetadataErrorCode.UnsupportedUri, "URLs with credentials are not read");
        }

        // A public gateway's URL names the content: read it from our store or our gateways like ipfs://.
        var path = url.AbsolutePath;
        if (path.StartsWith("/ipfs/", StringComparison.Ordinal) && Ipfs(path[6..], text) is IpfsPlan gateway)
        {
            return gateway with { Gateway = url };
        }

        return new HttpPlan(url);
    }

    private static FetchPlan Data(string rest)
    {
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return new RefusedPlan(MetadataErrorCode.UnsupportedUri, "the data: URI has no ',' before its content");
        }

        var parameters = rest[..comma].Split(';', StringSplitOptions.TrimEntries);
        var isBase64 = parameters.Length > 1 && parameters[^1].Equals("base64", StringComparison.OrdinalIgnoreCase);
        // RFC 2397: no media type means text/plain.
        var mediaType = parameters[0].Length == 0 ? "text/plain" : Uri.UnescapeDataString(parameters[0]).ToLowerInvariant();
        var payload = rest[(comma + 1)..];
        if (!isBase64)
        {
            return new InlinePlan(mediaType, PercentDecode(payload));
        }

        return TryBase64(payload, out var bytes)
            ? new InlinePlan(mediaType, bytes)
            : new RefusedPlan(MetadataErrorCode.UnsupportedUri, "the data: URI's base64 content does not decode");
    }

    /// <summary>
    /// %XX escapes to bytes, everything else as its UTF-8. A <c>%</c> not followed by two hex digits stays: contracts
    /// write raw JSON after <c>data:application/json,</c> or <c>;utf8,</c>, and "100%" is text, not an escape.
    /// </summary>
    private static byte[] PercentDecode(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var output = new byte[utf8.Length];
        var length = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '%' && i + 2 < utf8.Length && IsHex(utf8[i + 1]) && IsHex(utf8[i + 2]))
            {
                output[length++] = (byte)(HexValue(utf8[i + 1]) << 4 | HexValue(utf8[i + 2]));
                i += 2;
            }
            else
            {
                output[length++] = utf8[i];
            }
        }

        return output[..length];
    }

    /// <summary>Standard or URL-safe base64, padded or not, with white space or percent-escapes of its own characters
    /// (a URI may carry <c>%2B</c>, <c>%2F</c>, <c>%3D</c>).</summary>
    private static bool TryBase64(string text, out byte[] bytes)
    {
        var decoded = Encoding.UTF8.GetString(PercentDecode(text));
        var clean = new StringBuilder(decoded.Length + 3);
        foreach (var c in decoded)
        {
            if (!char.IsWhiteSpace(c))
            {
                clean.Append(c switch { '-' => '+', '_' => '/', _ => c });
            }
        }

        var withoutPadding = clean.ToString().TrimEnd('=');
        var padded = withoutPadding + new string('=', (4 - withoutPadding.Length % 4) % 4);
        bytes = new byte[padded.Length / 4 * 3];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>CIDv0 (<c>Qm…</c>, base58, 46 characters) or CIDv1 in base32 (<c>b…</c>), as our store names objects.</summary>
    internal static bool IsCid(string text) =>
        (text.Length == 46 && text.StartsWith("Qm", StringComparison.Ordinal) && !text.AsSpan().ContainsAnyExcept(Base58))
        || (text.Length >= 50 && text[0] == 'b' && !text.AsSpan(1).ContainsAnyExcept(Base32Lower));

    private static string PathOnly(string rest)
    {
        var end = rest.IndexOfAny(['?', '#']);
        return end < 0 ? rest : rest[..end];
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
