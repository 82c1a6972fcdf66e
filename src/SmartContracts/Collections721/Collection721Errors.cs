using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Collections721;

/// <summary>OpenZeppelin ERC721: the token id has not been minted.</summary>
[Error("ERC721NonexistentToken")]
public sealed class Erc721NonexistentTokenError : IErrorDTO
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }
}
