using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Collections1155;

/// <summary>ERC-1155 single transfer; a mint comes from the zero address.</summary>
[Event("TransferSingle")]
public sealed class TransferSingleEvent : IEventDTO
{
    [Parameter("address", "operator", 1, true)]
    public string Operator { get; set; } = "";

    [Parameter("address", "from", 2, true)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 3, true)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 4, false)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "value", 5, false)]
    public BigInteger Value { get; set; }
}

[Event("TransferBatch")]
public sealed class TransferBatchEvent : IEventDTO
{
    [Parameter("address", "operator", 1, true)]
    public string Operator { get; set; } = "";

    [Parameter("address", "from", 2, true)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 3, true)]
    public string To { get; set; } = "";

    [Parameter("uint256[]", "ids", 4, false)]
    public List<BigInteger> Ids { get; set; } = [];

    [Parameter("uint256[]", "values", 5, false)]
    public List<BigInteger> Values { get; set; } = [];
}

/// <summary>ERC-1155: the URI of <see cref="Id"/> is set (at creation and on every change).</summary>
[Event("URI")]
public sealed class UriEvent : IEventDTO
{
    [Parameter("string", "value", 1, false)]
    public string Value { get; set; } = "";

    [Parameter("uint256", "id", 2, true)]
    public BigInteger Id { get; set; }
}
