using System.Text;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>Turns a validator's C# property path (<c>Items[0].TokenId</c>) into the client's (<c>input.items[0].tokenId</c>).</summary>
internal static class InputPath
{
    public static string FromPropertyPath(string propertyPath, string? argument)
    {
        var path = new StringBuilder(propertyPath.Length + (argument?.Length ?? 0) + 1);
        if (!string.IsNullOrEmpty(argument))
        {
            path.Append(argument);
            if (propertyPath.Length > 0)
            {
                path.Append('.');
            }
        }

        var startOfSegment = true;
        foreach (var c in propertyPath)
        {
            path.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c == '.';
        }

        return path.ToString();
    }
}
