using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// The schema's type table, with a <c>__type</c> meta-field that refuses an empty name as bad input: the engine's
/// own one looks the name up unchecked, and the lookup throws on an empty name, which surfaced as an internal error.
/// </summary>
internal sealed class GatewaySchemaTypes(
    ISchema schema, IServiceProvider services, IEnumerable<IGraphTypeMappingProvider>? mappings, Action<IGraphType> onBeforeInitialize)
    : SchemaTypes(schema, services, mappings, onBeforeInitialize)
{
    // Read by the base constructor, before field initializers of this class would have run.
    private FieldType? _typeMetaField;

    protected override FieldType TypeMetaFieldType => _typeMetaField ??= new CheckedTypeMetaField();

    private sealed class CheckedTypeMetaField : TypeMetaFieldType
    {
        public CheckedTypeMetaField() =>
            Resolver = new FuncFieldResolver<object>(context =>
                context.GetArgument<string>("name") is { Length: > 0 } name
                    ? context.Schema.AllTypes[name]
                    : throw new GraphQLRequestError(ErrorCode.BadUserInput, "The 'name' of '__type' must not be empty."));
    }
}
