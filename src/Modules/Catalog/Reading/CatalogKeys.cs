using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// The local ids of the catalog's nodes and loader keys: a collection is <c>{chainId}:{address}</c> (as the indexer
/// named it before), a token <c>{chainId}:{contract}:{tokenId}</c>. CAIP-2 ids hold one colon themselves.
/// </summary>
internal static class CatalogKeys
{
    public static string Collection(string chainId, string address) => chainId + ":" + address;

    public static string Token(string chainId, string contract, string tokenId) => chainId + ":" + contract + ":" + tokenId;

    /// <returns>False when <paramref name="key"/> is not a collection key (the id names nothing).</returns>
    public static bool TryParseCollection(string key, [NotNullWhen(true)] out string? chainId, [NotNullWhen(true)] out string? address)
    {
        ArgumentNullException.ThrowIfNull(key);
        var split = key.LastIndexOf(':');
        chainId = split > 0 ? key[..split] : null;
        address = split > 0 ? key[(split + 1)..] : null;
        return chainId is not null && address is not null && address.Length == 42 && chainId.Contains(':', StringComparison.Ordinal);
    }

    /// <returns>False when <paramref name="key"/> is not a token key.</returns>
    public static bool TryParseToken(
        string key, [NotNullWhen(true)] out string? chainId, [NotNullWhen(true)] out string? contract, [NotNullWhen(true)] out string? tokenId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var split = key.LastIndexOf(':');
        var id = split > 0 ? key[(split + 1)..] : "";
        if (split <= 0 || !IsTokenId(id) || !TryParseCollection(key[..split], out chainId, out contract))
        {
            (chainId, contract, tokenId) = (null, null, null);
            return false;
        }

        tokenId = id;
        return true;
    }

    /// <summary>A token id as the catalog stores it: a decimal uint256 without leading zeros.</summary>
    public static bool IsTokenId(string text) =>
        text.Length is > 0 and <= 78 && (text == "0" || text[0] != '0') && text.All(char.IsAsciiDigit)
        && BigInteger.Parse(text, CultureInfo.InvariantCulture) < BigInteger.One << 256;
}
