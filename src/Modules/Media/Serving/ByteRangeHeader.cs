using System.Globalization;

namespace NftMarketplace.Modules.Media.Serving;

/// <summary>
/// A <c>Range</c> header (RFC 9110 §14) against a representation of known length: one byte range (<c>a-b</c>,
/// <c>a-</c>, <c>-suffix</c>) is served, anything else (no header, another unit, several ranges, a malformed value)
/// means the whole representation, and a range that starts past the end is unsatisfiable (416).
/// </summary>
internal abstract record ByteRangeHeader
{
    public static ByteRangeHeader? Parse(string? header, long length)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return null;
            }

            return suffix == 0 || length == 0 ? new Unsatisfiable() : new Satisfiable(Math.Max(0, length - suffix), length - 1);
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        var to = length - 1;
        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from)
            {
                return null;
            }
        }

        return from >= length ? new Unsatisfiable() : new Satisfiable(from, Math.Min(to, length - 1));
    }

    public sealed record Satisfiable(long From, long To) : ByteRangeHeader;

    public sealed record Unsatisfiable : ByteRangeHeader;
}
