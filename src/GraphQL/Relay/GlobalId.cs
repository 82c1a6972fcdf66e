namespace NftMarketplace.GraphQL.Relay;

/// <summary>
/// The <c>id</c> of a <c>Node</c>: base64url of <c>TypeName:localId</c>. Opaque to clients, who only pass it back to
/// <c>node(id)</c>; unique across types, so one cache keyed by id (Relay, Apollo) never confuses two objects.
/// </summary>
public static class GlobalId
{
    private const char Separator = ':';

    public static string Encode<TKey>(string typeName, TKey localId)
        where TKey : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        return KeyText.Encode(typeName + Separator + KeyText.Format(localId));
    }

    /// <returns>False when <paramref name="id"/> is not an id this server issued.</returns>
    public static bool TryDecode(string? id, out string typeName, out string localId)
    {
        typeName = "";
        localId = "";
        if (id is null || !KeyText.TryDecode(id, out var text))
        {
            return false;
        }

        var separator = text.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 1 || separator == text.Length - 1)
        {
            return false;
        }

        typeName = text[..separator];
        localId = text[(separator + 1)..];
        return true;
    }
}
