using GraphQL.Types;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary>
/// <c>ERC721</c> or <c>ERC1155</c>: one GraphQL type for every module that names a standard (a schema holds one type per
/// name). Its values are the lower-case names integration events and documents use.
/// </summary>
public sealed class TokenStandardGraphType : EnumerationGraphType
{
    public const string Erc721 = "erc721";

    public const string Erc1155 = "erc1155";

    public TokenStandardGraphType()
    {
        Name = "TokenStandard";
        Add("ERC721", Erc721);
        Add("ERC1155", Erc1155);
    }
}
