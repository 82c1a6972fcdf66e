using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Collections1155;

/// <summary>The id has not been created by a mint yet.</summary>
[Error("UnknownToken")]
public sealed class UnknownTokenError : IErrorDTO
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

/// <summary>An ERC-1155 collection caps supply per id, so its <c>CollectionConfig.maxSupply</c> must be 0.</summary>
[Error("MaxSupplyIsPerToken")]
public sealed class MaxSupplyIsPerTokenError : IErrorDTO;

/// <summary>OpenZeppelin ERC1155: <see cref="Operator"/> acts for <see cref="Owner"/> without its approval.</summary>
[Error("ERC1155MissingApprovalForAll")]
public sealed class Erc1155MissingApprovalForAllError : IErrorDTO
{
    [Parameter("address", "operator", 1)]
    public string Operator { get; set; } = "";

    [Parameter("address", "owner", 2)]
    public string Owner { get; set; } = "";
}

/// <summary>OpenZeppelin ERC1155: <see cref="Sender"/> holds <see cref="Balance"/> of the id, less than <see cref="Needed"/>.</summary>
[Error("ERC1155InsufficientBalance")]
public sealed class Erc1155InsufficientBalanceError : IErrorDTO
{
    [Parameter("address", "sender", 1)]
    public string Sender { get; set; } = "";

    [Parameter("uint256", "balance", 2)]
    public BigInteger Balance { get; set; }

    [Parameter("uint256", "needed", 3)]
    public BigInteger Needed { get; set; }

    [Parameter("uint256", "tokenId", 4)]
    public BigInteger TokenId { get; set; }
}

/// <summary>OpenZeppelin ERC1155: a batch's ids and values differ in length.</summary>
[Error("ERC1155InvalidArrayLength")]
public sealed class Erc1155InvalidArrayLengthError : IErrorDTO
{
    [Parameter("uint256", "idsLength", 1)]
    public BigInteger IdsLength { get; set; }

    [Parameter("uint256", "valuesLength", 2)]
    public BigInteger ValuesLength { get; set; }
}
