using GraphQL;
using GraphQL.Validation.Errors;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>
/// The validation errors that end in "Did you mean …", naming fields, arguments or types close to what was asked:
/// asked repeatedly, they map a schema whose introspection is off.
/// </summary>
internal static class SchemaSuggestions
{
    private const string Hint = " Did you mean ";

    /// <summary><paramref name="message"/> without its hint, when <paramref name="error"/> is one that gives one.</summary>
    public static string Remove(ExecutionError error, string message)
    {
        if (error is not (FieldsOnCorrectTypeError or KnownArgumentNamesError or KnownTypeNamesError))
        {
            return message;
        }

        var hint = message.IndexOf(Hint, StringComparison.Ordinal);
        return hint < 0 ? message : message[..hint];
    }
}
