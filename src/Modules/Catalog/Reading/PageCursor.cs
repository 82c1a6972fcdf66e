using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// The catalog's keyset cursors: the opaque text of <c>{list}|{part}|{part}…</c>, the list naming the connection and
/// its order (<c>tokens.RARITY_RANK_ASC</c>), the parts the item's sort key. A cursor of another list or order, or text
/// that is no cursor, is <c>BAD_USER_INPUT</c> — never silently read as the start of a list.
/// </summary>
internal static class PageCursor
{
    private const char Separator = '|';

    public static string Encode(string list, params ReadOnlySpan<string> parts) =>
        Cursor.Encode(list + Separator + string.Join(Separator, parts));

    /// <returns>The parts of <paramref name="cursor"/>, exactly <paramref name="count"/> of them.</returns>
    public static string[] Decode(string cursor, string list, int count, string argument = PageRequest.AfterArgument)
    {
        var text = Cursor.Decode<string>(cursor, argument);
        var parts = text.Split(Separator);
        return parts.Length == count + 1 && parts[0] == list
            ? parts[1..]
            : throw new BadInputException($"'{argument}' is not a cursor of this list; use a cursor from one of its pages.", argument);
    }

    public static BadInputException Bad(string argument = PageRequest.AfterArgument) =>
        new($"'{argument}' is not a cursor of this list; use a cursor from one of its pages.", argument);
}
