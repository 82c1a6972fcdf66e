using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary><c>Hex</c>: arbitrary bytes as 0x + an even number of hex digits (signatures, calldata).</summary>
public sealed class HexGraphType : StringScalarGraphType<Hex>
{
    public HexGraphType()
    {
        Name = "Hex";
        Description = "Bytes as 0x followed by an even number of hex digits; shown in lowercase.";
    }

    public override Hex Parse(string text) => Hex.Parse(text);

    public override string Format(Hex value) => value.Value;
}
