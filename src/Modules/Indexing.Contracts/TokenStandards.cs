namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>What a followed contract is, as the events name it.</summary>
public static class TokenStandards
{
    public const string Erc721 = "erc721";

    public const string Erc1155 = "erc1155";
}
