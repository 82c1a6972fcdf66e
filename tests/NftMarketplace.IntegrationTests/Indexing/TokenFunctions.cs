using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.IntegrationTests.Indexing;

// The standard ERC-721 / ERC-1155 calls the collections inherit from OpenZeppelin; the bindings declare only their own.

[Function("transferFrom")]
public sealed class TransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "tokenId", 3)]
    public BigInteger TokenId { get; set; }
}

[Function("setApprovalForAll")]
public sealed class SetApprovalForAllFunction : FunctionMessage
{
    [Parameter("address", "operator", 1)]
    public string Operator { get; set; } = "";

    [Parameter("bool", "approved", 2)]
    public bool Approved { get; set; }
}

[Function("safeBatchTransferFrom")]
public sealed class SafeBatchTransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256[]", "ids", 3)]
    public List<BigInteger> Ids { get; set; } = [];

    [Parameter("uint256[]", "values", 4)]
    public List<BigInteger> Values { get; set; } = [];

    [Parameter("bytes", "data", 5)]
    public byte[] Data { get; set; } = [];
}
