using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace NftMarketplace.GraphQL.Sdl;

/// <summary>
/// The schema as SDL, the form committed as <c>schema.graphql</c>: types, fields and arguments sorted by name, so the
/// text changes only when the schema does, never with the order modules register in.
/// </summary>
public static class SchemaSdl
{
    public const string FileName = "schema.graphql";

    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions
        {
            IncludeDescriptions = true,
            IncludeDeprecationReasons = true,
            StringComparison = StringComparison.Ordinal,
        });
        return sdl.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
