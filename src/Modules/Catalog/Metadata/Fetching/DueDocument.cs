using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// A document the fetcher took: a token's metadata, or the collection's own (<see cref="IsCollection"/>).
/// <see cref="Lease"/> is the <c>next_attempt_at</c> the claim set: when the row still has it at the end, nobody asked
/// for the document again meanwhile. <see cref="ClaimedAt"/> orders two fetches of one document: the later claim wins.
/// </summary>
/// <param name="Standard">The token's standard as the catalog knows it (<c>erc721</c>/<c>erc1155</c>), else null.</param>
/// <param name="Attempts">This attempt's number, 1 for the first.</param>
internal sealed record DueDocument(
    string ChainId,
    string Contract,
    BigInteger TokenId,
    string? Standard,
    int Attempts,
    DateTimeOffset Lease,
    DateTimeOffset ClaimedAt)
{
    public bool IsCollection => TokenId == MetadataQueue.CollectionDocument;
}

/// <summary>What one fetch gave: the URI read from the chain, and the document or the failure.</summary>
internal sealed record FetchOutcome(DueDocument Document, string? TokenUri, string? Original, NormalizedMetadata? Metadata, string? Banner, string? ErrorCode, string? Error)
{
    public bool IsOk => Metadata is not null;

    public static FetchOutcome Ok(DueDocument document, string tokenUri, string original, NormalizedMetadata metadata, string? banner) =>
        new(document, tokenUri, original, metadata, banner, null, null);

    public static FetchOutcome Failed(DueDocument document, string? tokenUri, string code, string error) =>
        new(document, tokenUri, null, null, null, code, error);
}
