using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// One collection the indexer announced (table <c>catalog.collections</c>, keyed by chain and address). The chain-derived
/// columns are written by the consumers in <c>Ingestion/</c>; description, images and external URL come from the
/// contract's metadata document (the metadata worker).
/// </summary>
internal sealed class Collection
{
    public required string ChainId { get; init; }

    /// <summary>0x-prefixed lowercase.</summary>
    public required string Address { get; init; }

    /// <summary><c>erc721</c> or <c>erc1155</c>.</summary>
    public required string Standard { get; set; }

    /// <summary><c>factory</c> or <c>tracked</c>.</summary>
    public required string Source { get; set; }

    public string? Factory { get; set; }

    public string? Creator { get; set; }

    /// <summary>From the latest ownership fact when there is one, else the announcement.</summary>
    public string? Owner { get; set; }

    public string? Name { get; set; }

    public string? Symbol { get; set; }

    /// <summary>Unique across chains: the name's words followed by the chain and the address.</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }

    public string? ImageUrl { get; set; }

    public string? BannerUrl { get; set; }

    public string? ExternalUrl { get; set; }

    public string? ContractUri { get; set; }

    /// <summary>The contractURI document as fetched.</summary>
    public string? ContractMetadata { get; set; }

    public string? RoyaltyReceiver { get; set; }

    public int RoyaltyBps { get; set; }

    /// <summary>ERC-721 cap on tokens ever minted; null when unlimited or unknown.</summary>
    public BigInteger? MaxSupply { get; set; }

    public string? Salt { get; set; }

    public long? DeployedBlock { get; set; }

    public string? DeployedTxHash { get; set; }

    public string? DeployedBlockHash { get; set; }

    /// <summary>The announcing log; −1 for a tracked contract (no log).</summary>
    public int DeployedLogIndex { get; set; }

    /// <summary>ERC-721 tokens ever minted, ERC-1155 ids ever created, as indexed.</summary>
    public BigInteger TotalMinted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
