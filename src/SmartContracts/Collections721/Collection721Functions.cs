using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Collections721;

/// <summary>Owner or minter: mints the next token id (sequential from 1) to <see cref="To"/> with its URI.</summary>
[Function("mint", "uint256")]
public sealed class Mint721Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("string", "uri", 2)]
    public string Uri { get; set; } = "";
}

/// <summary>Owner or minter: mints one consecutive token id per URI; returns the first.</summary>
[Function("mintBatch", "uint256")]
public sealed class MintBatch721Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("string[]", "uris", 2)]
    public List<string> Uris { get; set; } = [];
}

[Function("tokenURI", "string")]
public sealed class TokenUriFunction : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }
}

[Function("ownerOf", "address")]
public sealed class OwnerOfFunction : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }
}

[Function("balanceOf", "uint256")]
public sealed class BalanceOf721Function : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";
}

/// <summary>Tokens that exist now: minted and not burnt.</summary>
[Function("totalSupply", "uint256")]
public sealed class TotalSupply721Function : FunctionMessage;

/// <summary>Tokens ever minted, burnt ones included (what the cap limits; also the highest id so far).</summary>
[Function("totalMinted", "uint256")]
public sealed class TotalMinted721Function : FunctionMessage;

/// <summary>The token's owner, or an account it approved for the token or for all its tokens: destroys the token.</summary>
[Function("burn")]
public sealed class Burn721Function : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }
}

[Function("approve")]
public sealed class Approve721Function : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    [Parameter("uint256", "tokenId", 2)]
    public BigInteger TokenId { get; set; }
}

/// <summary>The cap on tokens ever minted; 0 = unlimited.</summary>
[Function("maxSupply", "uint256")]
public sealed class MaxSupply721Function : FunctionMessage;

/// <summary>ERC-721 <c>transferFrom</c>, inherited from OpenZeppelin: by the owner, an approved address or an operator.</summary>
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
