using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NftMarketplace.GraphQL.Relay;

/// <summary>Keys as invariant text, and that text as opaque base64url tokens (global ids, cursors).</summary>
internal static class KeyText
{
    // Far beyond any id or cursor we issue; a longer token is refused before it is decoded.
    private const int MaxTokenLength = 512;

    public static string Format<TKey>(TKey key)
        where TKey : notnull
        => Convert.ToString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"Key of type {typeof(TKey).Name} has no text form.");

    public static bool TryParse<TKey>(string text, out TKey key)
        where TKey : IParsable<TKey>
        => TKey.TryParse(text, CultureInfo.InvariantCulture, out key!);

    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static bool TryDecode(string token, out string text)
    {
        text = "";
        if (token.Length is 0 or > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
