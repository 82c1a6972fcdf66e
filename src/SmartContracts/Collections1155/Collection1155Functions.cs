using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Collections1155;

/// <summary>Owner or minter: creates the next token id (sequential from 1) with its URI and cap, and mints <see cref="Amount"/> of it.</summary>
[Function("mint", "uint256")]
public sealed class Mint1155Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    /// <summary>Cap on the id's total supply; 0 = unlimited.</summary>
    [Parameter("uint256", "maxSupply_", 3)]
    public BigInteger MaxSupply { get; set; }

    [Parameter("string", "uri_", 4)]
    public string Uri { get; set; } = "";
}

/// <summary>Owner or minter: creates one consecutive token id per element and mints them in one TransferBatch; returns the first.</summary>
[Function("mintBatch", "uint256")]
public sealed class MintBatch1155Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256[]", "amounts", 2)]
    public List<BigInteger> Amounts { get; set; } = [];

    [Parameter("uint256[]", "maxSupplies", 3)]
    public List<BigInteger> MaxSupplies { get; set; } = [];

    [Parameter("string[]", "uris", 4)]
    public List<string> Uris { get; set; } = [];
}

/// <summary>Owner or minter: more of an id created earlier, within its cap.</summary>
[Function("mintExisting")]
public sealed class MintExisting1155Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256", "id", 2)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }
}

/// <summary>The id's own URI; empty for an id not created yet.</summary>
[Function("uri", "string")]
public sealed class UriFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

[Function("balanceOf", "uint256")]
public sealed class BalanceOf1155Function : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "id", 2)]
    public BigInteger Id { get; set; }
}

[Function("totalSupply", "uint256")]
public sealed class TotalSupplyOfIdFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

/// <summary>The cap on the id's total supply; 0 = unlimited.</summary>
[Function("maxSupply", "uint256")]
public sealed class MaxSupplyOfIdFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

/// <summary>The highest id created so far.</summary>
[Function("lastTokenId", "uint256")]
public sealed class LastTokenIdFunction : FunctionMessage;

/// <summary>The holder <see cref="Account"/>, or an operator it approved, destroys <see cref="Value"/> of an id.</summary>
[Function("burn")]
public sealed class Burn1155Function : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "id", 2)]
    public BigInteger Id { get; set; }

    [Parameter("uint256", "value", 3)]
    public BigInteger Value { get; set; }
}

/// <summary>As <see cref="Burn1155Function"/> for several ids in one TransferBatch.</summary>
[Function("burnBatch")]
public sealed class BurnBatch1155Function : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("uint256[]", "ids", 2)]
    public List<BigInteger> Ids { get; set; } = [];

    [Parameter("uint256[]", "values", 3)]
    public List<BigInteger> Values { get; set; } = [];
}

/// <summary>ERC-1155 <c>safeBatchTransferFrom</c>, inherited from OpenZeppelin: by the holder or an approved operator.</summary>
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
