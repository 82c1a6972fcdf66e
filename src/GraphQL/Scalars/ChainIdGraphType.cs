using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary><c>ChainId</c>: a CAIP-2 chain ID such as <c>eip155:1</c>.</summary>
public sealed class ChainIdGraphType : StringScalarGraphType<ChainId>
{
    public ChainIdGraphType()
    {
        Name = "ChainId";
        Description = "A CAIP-2 chain ID, namespace:reference, e.g. eip155:1.";
    }

    public override ChainId Parse(string text) => ChainId.Parse(text);

    public override string Format(ChainId value) => value.Value;
}
