using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>ERC-721 <c>transferFrom</c>, which the collections inherit from OpenZeppelin (their bindings declare only their own calls).</summary>
[Function("transferFrom")]
internal sealed class TransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "tokenId", 3)]
    public BigInteger TokenId { get; set; }
}
