using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Factory;

/// <summary>The Solidity <c>CollectionConfig</c> struct a collection is created with.</summary>
public sealed class CollectionConfig
{
    [Parameter("string", "name", 1)]
    public string Name { get; set; } = "";

    [Parameter("string", "symbol", 2)]
    public string Symbol { get; set; } = "";

    /// <summary>ERC-7572 collection metadata URI.</summary>
    [Parameter("string", "contractURI", 3)]
    public string ContractUri { get; set; } = "";

    /// <summary>The zero address with <see cref="RoyaltyBps"/> 0 means no royalties.</summary>
    [Parameter("address", "royaltyReceiver", 4)]
    public string RoyaltyReceiver { get; set; } = "0x0000000000000000000000000000000000000000";

    /// <summary>Basis points of the sale price, at most 10000.</summary>
    [Parameter("uint96", "royaltyBps", 5)]
    public BigInteger RoyaltyBps { get; set; }

    /// <summary>ERC-721: cap on tokens ever minted, 0 = unlimited. Must be 0 for ERC-1155, which caps each id instead.</summary>
    [Parameter("uint256", "maxSupply", 6)]
    public BigInteger MaxSupply { get; set; }
}
