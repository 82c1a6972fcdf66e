using System.Numerics;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>The range of Solidity's <c>uint256</c>: token ids, amounts and supplies.</summary>
public static class Uint256
{
    public static readonly BigInteger MaxValue = BigInteger.Pow(2, 256) - 1;

    /// <summary>Whether <paramref name="value"/> fits a <c>uint256</c> (0 to 2^256 − 1).</summary>
    public static bool Fits(BigInteger value) => value.Sign >= 0 && value <= MaxValue;
}
