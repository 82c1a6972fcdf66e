using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Collections;

/// <summary>The sender is neither the owner nor holds the minter role.</summary>
[Error("NotMinter")]
public sealed class NotMinterError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";
}

/// <summary>The mint would take the supply (of the collection for ERC-721, of the id for ERC-1155) past its cap.</summary>
[Error("MaxSupplyExceeded")]
public sealed class MaxSupplyExceededError : IErrorDTO
{
    [Parameter("uint256", "max", 1)]
    public BigInteger Max { get; set; }
}

[Error("EmptyBatch")]
public sealed class EmptyBatchError : IErrorDTO;

[Error("ArrayLengthMismatch")]
public sealed class ArrayLengthMismatchError : IErrorDTO;

/// <summary>OpenZeppelin AccessControl: an owner-only function called by someone else.</summary>
[Error("AccessControlUnauthorizedAccount")]
public sealed class AccessControlUnauthorizedAccountError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bytes32", "neededRole", 2)]
    public byte[] NeededRole { get; set; } = [];
}

/// <summary>OpenZeppelin ERC2981: royalty above 10000 basis points.</summary>
[Error("ERC2981InvalidDefaultRoyalty")]
public sealed class Erc2981InvalidDefaultRoyaltyError : IErrorDTO
{
    [Parameter("uint256", "numerator", 1)]
    public BigInteger Numerator { get; set; }

    [Parameter("uint256", "denominator", 2)]
    public BigInteger Denominator { get; set; }
}

/// <summary>OpenZeppelin ERC2981: royalty without a receiver.</summary>
[Error("ERC2981InvalidDefaultRoyaltyReceiver")]
public sealed class Erc2981InvalidDefaultRoyaltyReceiverError : IErrorDTO
{
    [Parameter("address", "receiver", 1)]
    public string Receiver { get; set; } = "";
}
