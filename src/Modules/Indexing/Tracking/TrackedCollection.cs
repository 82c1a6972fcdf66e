namespace NftMarketplace.Modules.Indexing.Tracking;

/// <summary>A collection the indexer follows, as <c>trackCollection</c> answers it.</summary>
/// <param name="Standard"><c>erc721</c> or <c>erc1155</c>.</param>
/// <param name="IndexStatus"><c>BACKFILLING</c> until its history is read up to the live follower, then <c>LIVE</c>.</param>
internal sealed record TrackedCollection(
    string ChainId,
    string Address,
    string Standard,
    string? Creator,
    string? Name,
    string? Symbol,
    long? DeployedBlock,
    string IndexStatus);
