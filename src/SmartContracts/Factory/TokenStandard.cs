namespace NftMarketplace.SmartContracts.Factory;

/// <summary>The <c>uint8 standard</c> of <c>NftFactory</c>: which implementation a collection clones.</summary>
public enum TokenStandard : byte
{
    Erc721 = 0,
    Erc1155 = 1,
}
