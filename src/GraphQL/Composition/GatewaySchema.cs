using System.Numerics;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.GraphQL.Uploads;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>The one schema of the Host, assembled from every module's <see cref="IGraphQLContributor"/>.</summary>
internal sealed class GatewaySchema : Schema
{
    private readonly IServiceProvider _services;

    public GatewaySchema(
        IServiceProvider services,
        IEnumerable<IGraphQLContributor> contributors,
        IEnumerable<GraphTypeAssembly> assemblies)
        : base(services)
    {
        _services = services;
        var roots = new GraphQLRoots();
        foreach (var contributor in contributors)
        {
            contributor.Contribute(roots);
        }

        Query = roots.Query;
        Mutation = roots.Mutation.Fields.Count > 0 ? roots.Mutation : null;
        Subscription = roots.Subscription.Fields.Count > 0 ? roots.Subscription : null;

        // Listed whether or not a module uses them yet, so clients and code generators see them from the start.
        RegisterScalar<AddressGraphType>(typeof(Address));
        RegisterScalar<ChainIdGraphType>(typeof(ChainId));
        RegisterScalar<HexGraphType>(typeof(Hex));
        RegisterScalar<UtcDateTimeGraphType>(typeof(DateTimeOffset), typeof(DateTime));
        RegisterScalar<BigIntegerGraphType>(typeof(BigInteger));
        RegisterScalar<UploadGraphType>(typeof(FileUpload));

        // Introspection reads only the in-memory schema, so its cost is bounded by the schema and the depth limit;
        // counted like data it would refuse the standard introspection query of every GraphQL tool.
        this.WithIntrospectionComplexityImpact(0);

        foreach (var assembly in assemblies.Select(a => a.Assembly).Distinct())
        {
            this.RegisterTypeMappings(assembly);
        }
    }

    protected override SchemaTypes CreateSchemaTypes() =>
        new GatewaySchemaTypes(this, _services, _services.GetService<IEnumerable<IGraphTypeMappingProvider>>(), OnBeforeInitializeType);

    private void RegisterScalar<TScalar>(params Type[] clrTypes)
        where TScalar : ScalarGraphType
    {
        RegisterType(typeof(TScalar));
        foreach (var clrType in clrTypes)
        {
            RegisterTypeMapping(clrType, typeof(TScalar));
        }
    }
}
