using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Media.Contracts;

/// <summary>
/// The stored bytes of an approved asset — what <c>ipfs://{cid}</c> means on this platform (e.g. token metadata or
/// images the Catalog resolves); <see cref="Cid"/> may be the bare CID or the <c>ipfs://</c> URI. The answer is typed:
/// <see cref="MediaContentFound"/>, <see cref="MediaContentTooLarge"/> (longer than <paramref name="MaxBytes"/>: not
/// read, its length said) or <see cref="MediaContentNotFound"/> (unknown, malformed, pending or rejected alike).
/// </summary>
public sealed record GetMediaContent(string Cid, long MaxBytes) : IQuery<MediaContent>;
