using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Collections;

// Functions both Collection721 and Collection1155 have, with the same signature.

[Function("supportsInterface", "bool")]
public sealed class SupportsInterfaceFunction : FunctionMessage
{
    [Parameter("bytes4", "interfaceId", 1)]
    public byte[] InterfaceId { get; set; } = new byte[4];
}

[Function("royaltyInfo", typeof(RoyaltyInfoOutput))]
public sealed class RoyaltyInfoFunction : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }

    [Parameter("uint256", "salePrice", 2)]
    public BigInteger SalePrice { get; set; }
}

[FunctionOutput]
public sealed class RoyaltyInfoOutput : IFunctionOutputDTO
{
    [Parameter("address", "receiver", 1)]
    public string Receiver { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("setDefaultRoyalty")]
public sealed class SetDefaultRoyaltyFunction : FunctionMessage
{
    [Parameter("address", "receiver", 1)]
    public string Receiver { get; set; } = "";

    [Parameter("uint96", "feeBps", 2)]
    public BigInteger FeeBps { get; set; }
}

/// <summary>ERC-7572 collection metadata URI.</summary>
[Function("contractURI", "string")]
public sealed class ContractUriFunction : FunctionMessage;

[Function("setContractURI")]
public sealed class SetContractUriFunction : FunctionMessage
{
    [Parameter("string", "newContractURI", 1)]
    public string NewContractUri { get; set; } = "";
}

[Function("name", "string")]
public sealed class NameFunction : FunctionMessage;

[Function("symbol", "string")]
public sealed class SymbolFunction : FunctionMessage;

/// <summary>The default admin (ERC-5313).</summary>
[Function("owner", "address")]
public sealed class OwnerFunction : FunctionMessage;

[Function("grantRole")]
public sealed class GrantRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = new byte[32];

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}

[Function("revokeRole")]
public sealed class RevokeRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = new byte[32];

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}

[Function("hasRole", "bool")]
public sealed class HasRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = new byte[32];

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}

/// <summary>Owner only; emits <see cref="MetadataUpdateEvent"/>.</summary>
[Function("setTokenURI")]
public sealed class SetTokenUriFunction : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }

    [Parameter("string", "uri", 2)]
    public string Uri { get; set; } = "";
}

/// <summary>Owner only: new URIs for the consecutive ids from <see cref="FirstTokenId"/>; emits <see cref="BatchMetadataUpdateEvent"/>.</summary>
[Function("setTokenURIs")]
public sealed class SetTokenUrisFunction : FunctionMessage
{
    [Parameter("uint256", "firstTokenId", 1)]
    public BigInteger FirstTokenId { get; set; }

    [Parameter("string[]", "uris", 2)]
    public List<string> Uris { get; set; } = [];
}

/// <summary>ERC-721 and ERC-1155: lets <see cref="Operator"/> transfer or burn every token of the caller.</summary>
[Function("setApprovalForAll")]
public sealed class SetApprovalForAllFunction : FunctionMessage
{
    [Parameter("address", "operator", 1)]
    public string Operator { get; set; } = "";

    [Parameter("bool", "approved", 2)]
    public bool Approved { get; set; }
}
