using GraphQL.Validation;
using GraphQLParser.AST;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// Which operations plain HTTP may run: GET is safe, so it runs queries only (a mutation is refused and answered
/// with 405); subscriptions need a WebSocket.
/// </summary>
internal sealed class HttpOperationTypeRule : ValidationRuleBase
{
    public static readonly HttpOperationTypeRule ForGet = new(allowMutations: false);
    public static readonly HttpOperationTypeRule ForPost = new(allowMutations: true);

    private readonly bool _allowMutations;

    private HttpOperationTypeRule(bool allowMutations) => _allowMutations = allowMutations;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new SubscriptionOverHttpError(context, operation));
        }
        else if (operation.Operation == OperationType.Mutation && !_allowMutations)
        {
            context.ReportError(new MutationOverGetError(context, operation));
        }

        return default;
    }
}

/// <summary>A mutation sent with GET; the response is 405 with <c>Allow: POST</c>.</summary>
public sealed class MutationOverGetError : ValidationError
{
    internal MutationOverGetError(ValidationContext context, GraphQLOperationDefinition operation)
        : base(context.Document.Source, null!, "Mutations cannot be sent with GET; use POST.", operation) =>
        Code = "MUTATION_OVER_GET";
}

public sealed class SubscriptionOverHttpError : ValidationError
{
    internal SubscriptionOverHttpError(ValidationContext context, GraphQLOperationDefinition operation)
        : base(context.Document.Source, null!, "Subscriptions are served over WebSocket (graphql-transport-ws), not plain HTTP.", operation) =>
        Code = "SUBSCRIPTION_OVER_HTTP";
}
