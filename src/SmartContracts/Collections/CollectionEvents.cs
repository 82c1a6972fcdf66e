using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace NftMarketplace.SmartContracts.Collections;

/// <summary>ERC-4906: one token's metadata changed.</summary>
[Event("MetadataUpdate")]
public sealed class MetadataUpdateEvent : IEventDTO
{
    [Parameter("uint256", "_tokenId", 1, false)]
    public BigInteger TokenId { get; set; }
}

/// <summary>ERC-4906: the metadata of the tokens from <see cref="FromTokenId"/> to <see cref="ToTokenId"/> (inclusive) changed.</summary>
[Event("BatchMetadataUpdate")]
public sealed class BatchMetadataUpdateEvent : IEventDTO
{
    [Parameter("uint256", "_fromTokenId", 1, false)]
    public BigInteger FromTokenId { get; set; }

    [Parameter("uint256", "_toTokenId", 2, false)]
    public BigInteger ToTokenId { get; set; }
}

/// <summary>ERC-7572: <c>contractURI()</c> changed.</summary>
[Event("ContractURIUpdated")]
public sealed class ContractUriUpdatedEvent : IEventDTO;

[Event("DefaultRoyaltyUpdated")]
public sealed class DefaultRoyaltyUpdatedEvent : IEventDTO
{
    [Parameter("address", "receiver", 1, false)]
    public string Receiver { get; set; } = "";

    [Parameter("uint96", "feeBps", 2, false)]
    public BigInteger FeeBps { get; set; }
}
