using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Factory;

/// <summary>Clones the standard's implementation at the address <see cref="PredictCollectionAddressFunction"/> gives for the sender and salt.</summary>
[Function("createCollection", "address")]
public sealed class CreateCollectionFunction : FunctionMessage
{
    [Parameter("uint8", "standard", 1)]
    public byte Standard { get; set; }

    [Parameter("tuple", "config", 2)]
    public CollectionConfig Config { get; set; } = new();

    /// <summary>Any 32 bytes the creator picks; the factory binds it to the sender.</summary>
    [Parameter("bytes32", "salt", 3)]
    public byte[] Salt { get; set; } = new byte[32];
}

[Function("predictCollectionAddress", "address")]
public sealed class PredictCollectionAddressFunction : FunctionMessage
{
    [Parameter("uint8", "standard", 1)]
    public byte Standard { get; set; }

    [Parameter("address", "creator", 2)]
    public string Creator { get; set; } = "";

    [Parameter("bytes32", "salt", 3)]
    public byte[] Salt { get; set; } = new byte[32];
}

[Function("implementationOf", "address")]
public sealed class ImplementationOfFunction : FunctionMessage
{
    [Parameter("uint8", "standard", 1)]
    public byte Standard { get; set; }
}

/// <summary>Emitted once per collection, in the transaction that deploys it.</summary>
[Event("CollectionCreated")]
public sealed class CollectionCreatedEvent : IEventDTO
{
    [Parameter("address", "collection", 1, true)]
    public string Collection { get; set; } = "";

    [Parameter("address", "creator", 2, true)]
    public string Creator { get; set; } = "";

    [Parameter("uint8", "standard", 3, false)]
    public byte Standard { get; set; }

    [Parameter("string", "name", 4, false)]
    public string Name { get; set; } = "";

    [Parameter("string", "symbol", 5, false)]
    public string Symbol { get; set; } = "";

    [Parameter("address", "royaltyReceiver", 6, false)]
    public string RoyaltyReceiver { get; set; } = "";

    [Parameter("uint96", "royaltyBps", 7, false)]
    public BigInteger RoyaltyBps { get; set; }

    /// <summary>The creator's salt as passed to <c>createCollection</c>.</summary>
    [Parameter("bytes32", "salt", 8, false)]
    public byte[] Salt { get; set; } = [];

    [Parameter("string", "contractURI", 9, false)]
    public string ContractUri { get; set; } = "";

    [Parameter("uint256", "maxSupply", 10, false)]
    public BigInteger MaxSupply { get; set; }
}

[Error("CollectionAlreadyExists")]
public sealed class CollectionAlreadyExistsError : IErrorDTO
{
    [Parameter("address", "collection", 1)]
    public string Collection { get; set; } = "";
}

[Error("UnsupportedStandard")]
public sealed class UnsupportedStandardError : IErrorDTO
{
    [Parameter("uint8", "standard", 1)]
    public byte Standard { get; set; }
}
