using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Media.Contracts;

/// <summary>
/// The stored bytes of an approved asset — what <c>ipfs://{cid}</c> means on this platform (e.g. token metadata or
/// images the Catalog resolves); <see cref="Cid"/> may be the bare CID or the <c>ipfs://</c> URI. The answer is typed:
/// <see cref="MediaContentFound"/>, <see cref="MediaContentTooLarge"/> (longer than <paramref name="MaxBytes"/>: not
/// read, its length said) or <see cref="MediaContentNotFound"/> (unknown, malformed, pending or rejected alike).
/// </summary>
public sealed record GetMediaContent(string Cid, long MaxBytes) : IQuery<MediaContent>;

/// <summary>
/// Stores token or collection metadata JSON (an object, at most <c>Media:Limits:MaxJsonBytes</c>) like media: its exact
/// bytes, under their CID, counted against <paramref name="UserId"/>'s upload quota (<c>RATE_LIMITED</c> beyond).
/// What <c>pinMetadata</c> does, for modules that write metadata on a user's behalf.
/// </summary>
public sealed record PinMetadata(Guid UserId, string Json) : IRequest<PinnedMetadataDto>;

/// <summary>Pinned metadata: its CID and <c>ipfs://{cid}</c>, which goes into <c>tokenURI</c> / <c>contractURI</c>.</summary>
public sealed record PinnedMetadataDto(string Cid, string Uri);
