using System.Globalization;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// Refuses documents with more aliased fields than allowed. Aliases let one request run the same field many times
/// without adding depth, e.g. to try many signatures in one rate-limited request.
/// </summary>
internal sealed class MaxAliasesRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++count == maxAliases + 1)
            {
                validation.ReportError(new TooManyAliasesError(validation, field, maxAliases));
            }
        }));
    }
}

public sealed class TooManyAliasesError : ValidationError
{
    internal TooManyAliasesError(ValidationContext context, GraphQLField field, int maxAliases)
        : base(
            context.Document.Source,
            null!,
            string.Create(CultureInfo.InvariantCulture, $"The document uses more than {maxAliases} aliases."),
            field) =>
        Code = "TOO_MANY_ALIASES";
}
