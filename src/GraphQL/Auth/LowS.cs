using System.Numerics;
using Microsoft.IdentityModel.Tokens;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// ES256 (ECDSA over P-256) signatures in their canonical, low-s form. For every valid signature (r, s), (r, n − s) is
/// valid too, so without a rule a token has two accepted encodings: harmless for authentication, but a token's text
/// could no longer serve as its identity (logs, deny lists, caches). Tokens are accepted only with s ≤ n/2, and the
/// issuer turns every signature it makes into that form.
/// </summary>
public static class LowS
{
    /// <summary>The order n of P-256's base point.</summary>
    private static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger HalfOrder = Order / 2;

    /// <summary>Bytes of each of r and s in a JWS ES256 signature (RFC 7518 §3.4: fixed-width, big-endian, r then s).</summary>
    private const int ScalarBytes = 32;

    /// <summary>True when the compact JWS <paramref name="token"/> carries an ES256 signature whose s is above n/2.</summary>
    public static bool HasHighS(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Signature(token) is { } signature && S(signature) > HalfOrder;
    }

    /// <summary><paramref name="token"/> with its signature's s replaced by n − s when it is above n/2: the same signature, canonical.</summary>
    public static string Normalize(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (Signature(token) is not { } signature)
        {
            throw new ArgumentException("The token is not a compact JWS with an ES256 signature.", nameof(token));
        }

        var s = S(signature);
        if (s <= HalfOrder)
        {
            return token;
        }

        // A smaller value may need fewer bytes: it is right-aligned in its 32, with leading zeros.
        var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, ScalarBytes, ScalarBytes);
        low.CopyTo(signature, 2 * ScalarBytes - low.Length);
        return string.Concat(token.AsSpan(0, token.LastIndexOf('.') + 1), Base64UrlEncoder.Encode(signature));
    }

    private static byte[]? Signature(string token)
    {
        var dot = token.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        return signature.Length == 2 * ScalarBytes ? signature : null;
    }

    private static BigInteger S(byte[] signature) =>
        new(signature.AsSpan(ScalarBytes, ScalarBytes), isUnsigned: true, isBigEndian: true);
}
