using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// Enforces <see cref="FieldAuthorization"/> before execution, for every transport. Only the operation being run
/// counts, with the fragments it uses; a field left out by <c>@skip</c>/<c>@include</c> is not checked.
/// </summary>
internal sealed class FieldAuthorizationRule : ValidationRuleBase
{
    public const string SignInMessage = "Sign in first: this needs a valid access token (Authorization: Bearer).";

    public static readonly FieldAuthorizationRule Instance = new();

    private FieldAuthorizationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(context));

    private sealed class Visitor(ValidationContext context) : INodeVisitor
    {
        private readonly HashSet<GraphQLFragmentDefinition> _usedFragments =
            [.. context.GetRecursivelyReferencedFragments(context.Operation, onlyUsed: true) ?? []];

        private readonly CurrentUser? _user = CurrentUser.From(context.User);

        private bool _inRunOperation;
        private ASTNode? _skippedUntil;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _inRunOperation = operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition fragment:
                    _inRunOperation = _usedFragments.Contains(fragment);
                    break;
                case GraphQLField or GraphQLInlineFragment when !_inRunOperation || _skippedUntil is not null:
                    break;
                case GraphQLField or GraphQLInlineFragment when !context.ShouldIncludeNode(node):
                    _skippedUntil = node;
                    break;
                case GraphQLField field:
                    Check(field, context);
                    break;
            }

            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (ReferenceEquals(node, _skippedUntil))
            {
                _skippedUntil = null;
            }

            return default;
        }

        private void Check(GraphQLField field, ValidationContext context)
        {
            // Unknown fields are reported by the specification's own rules.
            if (context.TypeInfo.GetFieldDef() is not { } definition)
            {
                return;
            }

            // The parent type is the selecting field's type as declared, wrappers included ([Chain!]! for chains).
            var name = $"{context.TypeInfo.GetParentType()?.GetNamedType().Name}.{definition.Name}";
            var refusal = Refusal(definition, name) ?? (definition.ResolvedType?.GetNamedType() is { } type ? Refusal(type, name) : null);
            if (refusal is { } denied)
            {
                context.ReportError(new AccessDeniedError(context, field, denied.Code, denied.Message));
            }
        }

        private (ErrorCode Code, string Message)? Refusal(IMetadataReader rules, string field)
        {
            if (!rules.IsAuthorizationRequired())
            {
                return null;
            }

            if (_user is null)
            {
                return (ErrorCode.Unauthenticated, $"'{field}' is only for signed-in callers. {SignInMessage}");
            }

            if (rules.GetPolicies() is { Count: > 0 })
            {
                return (ErrorCode.Forbidden, $"'{field}' is protected by a policy, which this server does not support; use RequireRole.");
            }

            return rules.GetRoles() is { Count: > 0 } roles && !roles.Any(_user.IsInRole)
                ? (ErrorCode.Forbidden, $"'{field}' needs the role {string.Join(" or ", roles.Select(r => $"'{r}'"))}.")
                : null;
        }
    }
}

/// <summary>An operation that selects a field its caller may not see: <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c>.</summary>
public sealed class AccessDeniedError : ValidationError
{
    internal AccessDeniedError(ValidationContext context, GraphQLField field, ErrorCode code, string message)
        : base(context.Document.Source, null!, message, field)
    {
        ErrorCode = code;
        Code = code.ToWire();
    }

    public ErrorCode ErrorCode { get; }
}
