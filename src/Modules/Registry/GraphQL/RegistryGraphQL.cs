using System.Numerics;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Registry.ChainContracts;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Endpoints;
using NftMarketplace.Modules.Registry.GasPolicy;

namespace NftMarketplace.Modules.Registry.GraphQL;

/// <summary>
/// <c>chains</c>, <c>chain(id)</c> and the admin mutations (role <c>admin</c>). An unknown id is <c>NOT_FOUND</c> for
/// <c>chain(id)</c> and <c>BAD_USER_INPUT</c> (field <c>input.chainId</c>) for a mutation referring to it.
/// </summary>
internal sealed class RegistryGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChainType>>>>("chains")
            .Description("Every chain of the registry, enabled or not, ordered by id.")
            .ResolveAsync(async context => await context.SendAsync(new GetChainSnapshots()));

        roots.Query.Field<ChainType>("chain")
            .Description("A chain by its CAIP-2 id; NOT_FOUND when the registry does not know it.")
            .Argument<NonNullGraphType<ChainIdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<ChainId>("id");
                return await context.SendAsync(new GetChainSnapshot(id.Value))
                    ?? throw new AppException(ErrorCode.NotFound, $"Chain '{id}' is not registered.", "id");
            });

        Mutation<AddChainInputType, AddChain>(roots, "addChain", "Registers a chain (admin).");
        Mutation<EnableChainInputType, EnableChain>(roots, "enableChain", "Enables a chain (admin).");
        Mutation<DisableChainInputType, DisableChain>(roots, "disableChain", "Disables a chain (admin).");
        Mutation<AddChainEndpointInputType, AddChainEndpoint>(roots, "addChainEndpoint", "Adds an RPC endpoint to a chain (admin).");
        Mutation<EnableChainEndpointInputType, EnableChainEndpoint>(roots, "enableChainEndpoint", "Activates a chain's endpoint (admin).");
        Mutation<DisableChainEndpointInputType, DisableChainEndpoint>(roots, "disableChainEndpoint", "Deactivates a chain's endpoint (admin).");
        Mutation<AddChainContractInputType, AddChainContract>(roots, "addChainContract", "Registers a contract on a chain (admin).");
        Mutation<SetChainGasPolicyInputType, SetChainGasPolicy>(roots, "setChainGasPolicy", "Sets a chain's gas policy (admin).");
    }

    private static void Mutation<TInputType, TCommand>(GraphQLRoots roots, string name, string description)
        where TInputType : IInputObjectGraphType
        where TCommand : BuildingBlocks.Mediation.ICommand<ChainSnapshot> =>
        roots.Mutation.Field<NonNullGraphType<ChainType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>(GraphQLConventions.InputArgument)
            .RequireRole(Roles.Admin)
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<TCommand>()));
}

internal sealed class ChainType : ObjectGraphType<ChainSnapshot>
{
    public const string TypeName = "Chain";

    public ChainType()
    {
        Name = TypeName;
        Description = "A chain of the registry.";
        this.IsNode(c => c.Chain.Id);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Description("CAIP-2 id, e.g. eip155:1.").Resolve(c => ChainId.Parse(c.Source.Chain.Id));
        Field<NonNullGraphType<BigIntegerGraphType>>("chainNumber").Description("The EIP-155 chain number.")
            .Resolve(c => new BigInteger(c.Source.Chain.ChainNumber));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Chain.Name);
        Field<NonNullGraphType<StringGraphType>>("nativeSymbol").Description("Symbol of the native currency, e.g. ETH.").Resolve(c => c.Source.Chain.NativeSymbol);
        Field<NonNullGraphType<IntGraphType>>("decimals").Description("Decimals of the native currency.").Resolve(c => c.Source.Chain.Decimals);
        Field<StringGraphType>("explorerUrl").Description("Block explorer base URL.").Resolve(c => c.Source.Chain.ExplorerUrl);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(c => c.Source.Chain.Enabled);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features").Resolve(c => c.Source.Chain.Features);
        Field<NonNullGraphType<IntGraphType>>("confirmationsRequired").Description("Blocks on top of a transaction before it counts as final.")
            .Resolve(c => c.Source.Chain.ConfirmationsRequired);
        Field<NonNullGraphType<BigIntegerGraphType>>("version").Description("Grows with every change of the chain or what it owns.")
            .Resolve(c => new BigInteger(c.Source.Chain.Version));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChainEndpointType>>>>("endpoints")
            .Description("RPC endpoints, in order of preference (admin: URLs may carry credentials).")
            .RequireRole(Roles.Admin)
            .Resolve(c => c.Source.Chain.Endpoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChainContractType>>>>("contracts")
            .Description("Contracts registered on the chain, by name.")
            .Resolve(c => c.Source.Contracts);
        Field<GasPolicyType>("gasPolicy").Description("Fee suggestions, when the chain has a policy.").Resolve(c => c.Source.GasPolicy);
    }
}

/// <summary>Chains by CAIP-2 id for <c>node(id)</c>: each from the versioned cache.</summary>
internal sealed class ChainsById(ChainReader reader) : BatchLoader<string, ChainSnapshot>(StringComparer.Ordinal)
{
    protected override async Task<IEnumerable<ChainSnapshot>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new List<ChainSnapshot>(keys.Count);
        foreach (var key in keys)
        {
            if (ChainId.TryParse(key, out var id) && await reader.GetAsync(id.Value, cancellationToken) is { } snapshot)
            {
                found.Add(snapshot);
            }
        }

        return found;
    }

    protected override string KeyOf(ChainSnapshot value) => value.Chain.Id;
}

internal sealed class ChainEndpointType : ObjectGraphType<ChainEndpointDto>
{
    public ChainEndpointType()
    {
        Name = "ChainEndpoint";
        Field(x => x.Url);
        Field(x => x.Priority).Description("Lower first.");
        Field(x => x.Weight).Description("Share among endpoints of equal priority.");
        Field(x => x.RateLimit, nullable: true).Description("Requests per second, when limited.");
        Field(x => x.Active);
    }
}

internal sealed class ChainContractType : ObjectGraphType<ChainContractDto>
{
    public ChainContractType()
    {
        Name = "ChainContract";
        Field(x => x.Name);
        Field<NonNullGraphType<AddressGraphType>>("address").Resolve(c => Address.Parse(c.Source.Address));
        Field<NonNullGraphType<BigIntegerGraphType>>("startBlock").Description("Block to start indexing from.")
            .Resolve(c => new BigInteger(c.Source.StartBlock));
        Field<UtcDateTimeGraphType>("verifiedAt").Resolve(c => c.Source.VerifiedAt);
    }
}

internal sealed class GasPolicyType : ObjectGraphType<GasPolicyDto>
{
    public GasPolicyType()
    {
        Name = "GasPolicy";
        Description = "Fee suggestions in gwei.";
        Field<FloatGraphType>("maxFeeGwei").Resolve(c => (double?)c.Source.MaxFeeGwei);
        Field<FloatGraphType>("priorityFeeGwei").Resolve(c => (double?)c.Source.PriorityFeeGwei);
        Field<NonNullGraphType<FloatGraphType>>("multiplier").Resolve(c => (double)c.Source.Multiplier);
        Field<FloatGraphType>("lastObservedBaseFeeGwei").Resolve(c => (double?)c.Source.LastObservedBaseFeeGwei);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

internal sealed class AddChainInputType : InputObjectGraphType<AddChain>
{
    public AddChainInputType()
    {
        Name = "AddChainInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field(x => x.Name);
        Field(x => x.NativeSymbol);
        Field<NonNullGraphType<IntGraphType>>("decimals").DefaultValue(18);
        Field(x => x.ExplorerUrl, nullable: true);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("features");
        Field<NonNullGraphType<IntGraphType>>("confirmationsRequired").DefaultValue(1);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").DefaultValue(true);
    }
}

internal sealed class EnableChainInputType : InputObjectGraphType<EnableChain>
{
    public EnableChainInputType()
    {
        Name = "EnableChainInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
    }
}

internal sealed class DisableChainInputType : InputObjectGraphType<DisableChain>
{
    public DisableChainInputType()
    {
        Name = "DisableChainInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
    }
}

internal sealed class AddChainEndpointInputType : InputObjectGraphType<AddChainEndpoint>
{
    public AddChainEndpointInputType()
    {
        Name = "AddChainEndpointInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field(x => x.Url);
        Field<NonNullGraphType<IntGraphType>>("priority").DefaultValue(0);
        Field<NonNullGraphType<IntGraphType>>("weight").DefaultValue(1);
        Field(x => x.RateLimit, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("active").DefaultValue(true);
    }
}

internal sealed class EnableChainEndpointInputType : InputObjectGraphType<EnableChainEndpoint>
{
    public EnableChainEndpointInputType()
    {
        Name = "EnableChainEndpointInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field(x => x.Url);
    }
}

internal sealed class DisableChainEndpointInputType : InputObjectGraphType<DisableChainEndpoint>
{
    public DisableChainEndpointInputType()
    {
        Name = "DisableChainEndpointInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field(x => x.Url);
    }
}

internal sealed class AddChainContractInputType : InputObjectGraphType<AddChainContract>
{
    public AddChainContractInputType()
    {
        Name = "AddChainContractInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field(x => x.Name);
        Field<NonNullGraphType<AddressGraphType>>("address");
        Field<NonNullGraphType<BigIntegerGraphType>>("startBlock");
        Field<UtcDateTimeGraphType>("verifiedAt");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var startBlock = (BigInteger)value["startBlock"]!;
        return new AddChainContract(
            (ChainId)value["chainId"]!,
            (string)value["name"]!,
            (Address)value["address"]!,
            startBlock < 0 ? -1 : startBlock > long.MaxValue ? long.MaxValue : (long)startBlock,
            value.TryGetValue("verifiedAt", out var verified) ? verified as DateTimeOffset? : null);
    }
}

internal sealed class SetChainGasPolicyInputType : InputObjectGraphType<SetChainGasPolicy>
{
    public SetChainGasPolicyInputType()
    {
        Name = "SetChainGasPolicyInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<FloatGraphType>("maxFeeGwei");
        Field<FloatGraphType>("priorityFeeGwei");
        Field<NonNullGraphType<FloatGraphType>>("multiplier").DefaultValue(1.0);
        Field<FloatGraphType>("lastObservedBaseFeeGwei");
    }
}
