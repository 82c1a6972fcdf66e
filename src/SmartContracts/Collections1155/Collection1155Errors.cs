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
