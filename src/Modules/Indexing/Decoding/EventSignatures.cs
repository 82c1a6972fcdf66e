using System.Text;
using Nethereum.Util;

namespace NftMarketplace.Modules.Indexing.Decoding;

/// <summary>The topic0 of every event the indexer decodes: keccak-256 of its canonical signature.</summary>
internal static class EventSignatures
{
    /// <summary>ERC-721 (4 topics: the token id is indexed) and ERC-20 (3 topics) share it.</summary>
    public static readonly string Transfer = Topic("Transfer(address,address,uint256)");
    public static readonly string TransferSingle = Topic("TransferSingle(address,address,address,uint256,uint256)");
    public static readonly string TransferBatch = Topic("TransferBatch(address,address,address,uint256[],uint256[])");
    public static readonly string Uri = Topic("URI(string,uint256)");
    public static readonly string ApprovalForAll = Topic("ApprovalForAll(address,address,bool)");
    public static readonly string MetadataUpdate = Topic("MetadataUpdate(uint256)");
    public static readonly string BatchMetadataUpdate = Topic("BatchMetadataUpdate(uint256,uint256)");
    public static readonly string ContractUriUpdated = Topic("ContractURIUpdated()");
    public static readonly string DefaultRoyaltyUpdated = Topic("DefaultRoyaltyUpdated(address,uint96)");
    public static readonly string OwnershipTransferred = Topic("OwnershipTransferred(address,address)");
    public static readonly string RoleGranted = Topic("RoleGranted(bytes32,address,address)");
    public static readonly string RoleRevoked = Topic("RoleRevoked(bytes32,address,address)");
    public static readonly string CollectionCreated =
        Topic("CollectionCreated(address,address,uint8,string,string,address,uint96,bytes32,string,uint256)");

    private static string Topic(string signature) =>
        "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(Encoding.ASCII.GetBytes(signature)));
}
