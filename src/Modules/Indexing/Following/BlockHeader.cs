namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>What the follower needs of a block: its identity, its parent's and its time.</summary>
internal sealed record BlockHeader(long Number, string Hash, string ParentHash, DateTimeOffset Timestamp);
