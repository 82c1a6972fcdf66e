namespace NftMarketplace.SmartContracts.Collections;

/// <summary>ERC-165 interface ids the collections answer <c>supportsInterface</c> for.</summary>
public static class InterfaceIds
{
    public const string Erc165 = "0x01ffc9a7";
    public const string Erc721 = "0x80ac58cd";
    public const string Erc721Metadata = "0x5b5e139f";
    public const string Erc1155 = "0xd9b67a26";
    public const string Erc1155MetadataUri = "0x0e89341c";
    public const string Erc2981 = "0x2a55205a";

    /// <summary>Fixed by EIP-4906 (its interface declares events only).</summary>
    public const string Erc4906 = "0x49064906";

    public const string AccessControl = "0x7965db0b";
    public const string AccessControlDefaultAdminRules = "0x31498786";
}
