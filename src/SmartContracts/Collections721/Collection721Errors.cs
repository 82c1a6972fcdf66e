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

/// <summary>OpenZeppelin ERC721: <see cref="Operator"/> is neither the token's owner nor approved for it.</summary>
[Error("ERC721InsufficientApproval")]
public sealed class Erc721InsufficientApprovalError : IErrorDTO
{
    [Parameter("address", "operator", 1)]
    public string Operator { get; set; } = "";

    [Parameter("uint256", "tokenId", 2)]
    public BigInteger TokenId { get; set; }
}
