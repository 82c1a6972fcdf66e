using System.Text;
using NftMarketplace.Modules.Catalog.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// A collection's slug: the words of its name, then its chain and address — unique by construction (two announcements
/// can never collide on the unique index), readable, and the same however often it is computed.
/// </summary>
internal static class CollectionSlug
{
    private const int MaxNameLength = 48;

    public static string For(string chain, string address, string? name)
    {
        var words = new StringBuilder();
        foreach (var c in (name ?? "").ToLowerInvariant())
        {
            if (words.Length >= MaxNameLength)
            {
                break;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                words.Append(c);
            }
            else if (words.Length > 0 && words[^1] != '-')
            {
                words.Append('-');
            }
        }

        var prefix = words.ToString().Trim('-');
        return (prefix.Length > 0 ? prefix + "-" : "") + CatalogExchanges.ChainSegment(chain) + "-" + address[2..];
    }
}
